package org.retailhub.app.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The hub's Cockpit plugin, found by Camunda through {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}:
 * its front end ({@code plugin-webapp/retailHub/app/plugin.js}: a dashboard tile, a "Dead letters" page and its
 * navigation link) and its resources under {@code /camunda/api/cockpit/plugin/retailHub/{engine}/…}.
 */
public class HubCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "retailHub";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(HubCockpitRootResource.class);
    }
}
