package org.retailhub.app.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** The plugin's root resource: its static files (Camunda serves {@code static/app/plugin.js}) and, per engine, the desk. */
@Path("plugin/" + HubCockpitPlugin.ID)
public class HubCockpitRootResource extends AbstractCockpitPluginRootResource {

    public HubCockpitRootResource() {
        super(HubCockpitPlugin.ID);
    }

    @Path("{engineName}")
    public OperatorDeskResource desk(@PathParam("engineName") String engineName) {
        return subResource(new OperatorDeskResource(engineName), engineName);
    }
}
