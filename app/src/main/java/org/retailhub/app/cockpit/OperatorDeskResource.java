package org.retailhub.app.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.retailhub.domain.consistency.EntityKind;
import org.retailhub.domain.deadletter.DeadLetterDesk;
import org.retailhub.domain.deadletter.DeadLetterRefusedException;
import org.retailhub.domain.deadletter.DeadLetterSource;

/**
 * The plugin's API for its pages, behind Cockpit's own sign-in (session and CSRF token): {@code GET dashboard},
 * {@code GET dead-letters}, {@code POST dead-letters/{source}/{id}/replay|discard}, {@code GET orders/journey?q=…},
 * {@code GET consistency?kind=…}. The same desk and the same rules as {@code /api/dead-letters} and
 * {@code /api/consistency}: analysts read without payloads or customers' data, operators and admins act, everyone else gets 403.
 */
@Produces(MediaType.APPLICATION_JSON)
public class OperatorDeskResource extends AbstractCockpitPluginResource {

    private static final String PROBLEM = "application/problem+json";

    public OperatorDeskResource(String engineName) {
        super(engineName);
    }

    /** Why an operator discards a letter. */
    public record Discard(String reason) {
    }

    @GET
    @Path("dashboard")
    public Response dashboard() {
        allowed(OperatorDesk.Access.READ_WITHOUT_PAYLOAD);
        return ok(desk().dashboard());
    }

    /** The latest reconciliation, its trend, its mismatches (of one kind, or all) and the decisions waiting in Tasklist. */
    @GET
    @Path("consistency")
    public Response consistency(@QueryParam("kind") String kind) {
        OperatorDesk.Access access = allowed(OperatorDesk.Access.READ_WITHOUT_PAYLOAD);
        Optional<EntityKind> of = kind == null || kind.isEmpty() ? Optional.empty() : Optional.of(Arrays.stream(EntityKind.values())
                .filter(k -> k.name().equalsIgnoreCase(kind)).findFirst().orElseThrow(() -> refusal(400, "unknown-kind", "Unknown kind",
                        "kinds are " + Arrays.toString(EntityKind.values()))));
        return ok(desk().consistency().page(of, access == OperatorDesk.Access.HANDLE));
    }

    /** The journey of one order (operators and admins, who read orders through the API as well). */
    @GET
    @Path("orders/journey")
    public Response journey(@QueryParam("q") String query) {
        allowed(OperatorDesk.Access.HANDLE);
        return ok(desk().journeys().of(query).orElseThrow(() -> refusal(404, "order-not-found", "No such order",
                "no order with this id, order number (RH-…) or channel and external id (WEB:…)")));
    }

    @GET
    @Path("dead-letters")
    public Response deadLetters(@QueryParam("source") String source, @QueryParam("open") @DefaultValue("true") boolean open) {
        OperatorDesk.Access access = allowed(OperatorDesk.Access.READ_WITHOUT_PAYLOAD);
        Optional<DeadLetterSource> from = source == null || source.isEmpty() ? Optional.empty() : Optional.of(source(source));
        boolean handles = access == OperatorDesk.Access.HANDLE;
        return ok(Map.of("canHandle", handles, "letters", desk().deadLetters().list(from, open, handles, 200)));
    }

    @POST
    @Path("dead-letters/{source}/{id}/replay")
    public Response replay(@PathParam("source") String source, @PathParam("id") long id) {
        allowed(OperatorDesk.Access.HANDLE);
        DeadLetterDesk letters = desk().deadLetters();
        return act(() -> letters.replay(source(source), id, user()));
    }

    @POST
    @Path("dead-letters/{source}/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response discard(@PathParam("source") String source, @PathParam("id") long id, String body) {
        allowed(OperatorDesk.Access.HANDLE);
        Discard discard;
        try {
            discard = desk().read(body == null || body.isBlank() ? "{}" : body, Discard.class);
        } catch (JsonProcessingException e) {
            throw refusal(400, "invalid-body", "Invalid body", "the body must be JSON: {\"reason\": \"…\"}");
        }
        if (discard.reason() == null || discard.reason().isBlank() || discard.reason().length() > 500) {
            throw refusal(400, "discard-reason-required", "A reason is required", "say in 1 to 500 characters why the letter is discarded");
        }
        DeadLetterDesk letters = desk().deadLetters();
        return act(() -> letters.discard(source(source), id, user(), discard.reason().strip()));
    }

    private Response act(java.util.function.Supplier<Object> action) {
        try {
            return ok(action.get());
        } catch (DeadLetterRefusedException refused) {
            int status = refused.kind() == DeadLetterRefusedException.Kind.NOT_FOUND ? 404 : 409;
            throw refusal(status, refused.kind().slug(), refused.kind().title(), refused.getMessage());
        }
    }

    private OperatorDesk.Access allowed(OperatorDesk.Access needed) {
        Authentication user = getCurrentAuthentication();
        if (user == null) {
            throw refusal(401, "unauthorized", "Unauthorized", "sign in to Cockpit first");
        }
        OperatorDesk.Access access = OperatorDesk.access(user.getGroupIds() == null ? List.of() : user.getGroupIds());
        if (access == OperatorDesk.Access.NONE || (needed == OperatorDesk.Access.HANDLE && access != OperatorDesk.Access.HANDLE)) {
            throw refusal(403, "forbidden", "Forbidden", "your roles do not allow this on the dead-letter desk");
        }
        return access;
    }

    private String user() {
        return getCurrentAuthentication().getUserId();
    }

    private OperatorDesk desk() {
        return OperatorDesk.current().orElseThrow(() -> refusal(503, "hub-starting", "Hub not ready", "the hub is still starting"));
    }

    private static DeadLetterSource source(String slug) {
        return DeadLetterSource.ofSlug(slug).orElseThrow(() -> refusal(404, "unknown-dead-letter-source", "Unknown dead-letter source",
                "sources are " + Arrays.stream(DeadLetterSource.values()).map(DeadLetterSource::slug).toList()));
    }

    private Response ok(Object value) {
        return Response.ok(desk().json(value), MediaType.APPLICATION_JSON).build();
    }

    private static WebApplicationException refusal(int status, String type, String title, String detail) {
        String body = "{\"type\":\"https://retail-hub.org/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return new WebApplicationException(Response.status(status).type(PROBLEM).entity(body).build());
    }
}
