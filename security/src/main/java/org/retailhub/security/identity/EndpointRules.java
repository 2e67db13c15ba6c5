package org.retailhub.security.identity;

import static org.retailhub.security.identity.HubRole.ADMIN;
import static org.retailhub.security.identity.HubRole.ANALYST;
import static org.retailhub.security.identity.HubRole.INTEGRATION;
import static org.retailhub.security.identity.HubRole.OPERATOR;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.retailhub.domain.shared.Channel;
import org.springframework.http.HttpMethod;

/**
 * Every endpoint of the hub and who may call it, first match wins; whatever no rule names is denied. The same
 * rules guard the Camunda engine API under {@code /engine-rest} and, with single sign-on, under Cockpit's own
 * {@code /camunda/api/engine}: analysts deploy models, operators repair instances, neither does the other's work.
 */
public final class EndpointRules {

    private static final Set<HubRole> CHANNELS = Set.of(INTEGRATION, ADMIN);
    private static final Set<HubRole> ORDER_READERS = Set.of(INTEGRATION, OPERATOR, ADMIN);
    private static final Set<HubRole> WATCHERS = Set.of(OPERATOR, ADMIN);
    private static final Set<HubRole> MODELLERS = Set.of(ANALYST, ADMIN);
    private static final Set<HubRole> REPAIRERS = Set.of(OPERATOR, ADMIN);
    private static final Set<HubRole> PROCESS_READERS = Set.of(ANALYST, OPERATOR, ADMIN);
    private static final Set<HubRole> EPC_READERS = Set.of(ANALYST, OPERATOR, INTEGRATION, ADMIN);
    private static final Set<HubRole> EVERY_ROLE = Set.of(ANALYST, OPERATOR, INTEGRATION, ADMIN);

    /**
     * Swagger UI's pages, served in a development run only: open (they are the UI's code and hold no data) under a
     * content security policy of their own; the description they load, {@code /v3/api-docs}, needs a role.
     */
    public static final List<String> API_EXPLORER = List.of("/swagger-ui.html", "/swagger-ui/**");

    private EndpointRules() {
    }

    /** The rules of the hub's own APIs (orders, payments, audit, actuator). */
    public static List<EndpointRule> api() {
        return List.of(
                EndpointRule.open(GET, "liveness and readiness probes; they reveal nothing but UP/DOWN", "/actuator/health", "/actuator/health/**"),
                EndpointRule.open(POST, "the PSP authenticates each webhook with its HMAC signature (PaymentWebhookController); it has no token",
                        "/api/payments/webhooks/*"),
                EndpointRule.open(null, "error rendering of an already authorised request", "/error"),
                // the HTTP API's OpenAPI description: every role that calls some part of it
                EndpointRule.roles(GET, EVERY_ROLE, "/v3/api-docs", "/v3/api-docs/**"),
                EndpointRule.roles(GET, WATCHERS, "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**", "/actuator/info"),
                // and the order's channel must be one of the account's (OrderChannelGuard reads it from the body)
                EndpointRule.roles(POST, CHANNELS, "/api/orders"),
                // a till payment is the stores' act: POS accounts only, for an order of any channel (click and collect)
                EndpointRule.channel(POST, Channel.POS, CHANNELS, "/api/orders/*/till-payment"),
                EndpointRule.roles(GET, ORDER_READERS, "/api/orders/*"),
                EndpointRule.roles(POST, ORDER_READERS, "/api/orders/*/cancellation", "/api/orders/*/refunds"),
                EndpointRule.roles(GET, Set.of(ADMIN), "/api/audit"),
                // analysts read the figures and mismatches without customers' data (ConsistencyController)
                EndpointRule.roles(GET, PROCESS_READERS, "/api/consistency", "/api/consistency/trend", "/api/consistency/mismatches"),
                EndpointRule.roles(GET, WATCHERS, "/api/consistency/shortfalls"),
                EndpointRule.roles(POST, REPAIRERS, "/api/consistency/reconciliations"),
                // data migration: operators start runs and read their reports (counts, rules and checksums, no row values)
                EndpointRule.roles(POST, REPAIRERS, "/api/migrations"),
                EndpointRule.roles(GET, WATCHERS, "/api/migrations/*/report", "/api/migrations/*/report.json"),
                // customer insight: the web shop and app send behaviour and show recommendations; analysts read profiles
                EndpointRule.roles(POST, CHANNELS, "/api/behaviour"),
                EndpointRule.roles(GET, CHANNELS, "/api/customers/*/recommendations"),
                EndpointRule.roles(GET, Set.of(INTEGRATION, ANALYST, ADMIN), "/api/customers/*/profile"),
                // erasing a customer's personal data on request cannot be undone: admins only
                EndpointRule.roles(POST, Set.of(ADMIN), "/api/customers/*/erasure"),
                EndpointRule.roles(GET, EPC_READERS, "/api/rfid/epc/*", "/api/epcis/events"),
                // other systems' EPCIS documents come in like channel orders
                EndpointRule.roles(POST, CHANNELS, "/api/epcis/capture"),
                EndpointRule.roles(POST, REPAIRERS, "/api/rfid/counts", "/api/rfid/counts/*/close"),
                EndpointRule.roles(GET, PROCESS_READERS, "/api/rfid/counts/*"),
                // forecasts show sales figures: the people who plan and watch, not the channels
                EndpointRule.roles(GET, PROCESS_READERS, "/api/forecasts/*/*"),
                EndpointRule.roles(POST, REPAIRERS, "/api/replenishment/stores/*/runs"),
                // the pilot rollout: operators watch which path each store is on, only admins switch one (audited)
                EndpointRule.roles(GET, WATCHERS, "/api/stores/routes", "/api/stores/*/route"),
                EndpointRule.roles(PUT, Set.of(ADMIN), "/api/stores/*/route"),
                // analysts see reasons but no payload (DeadLetterController); replaying and discarding is operators' work
                EndpointRule.roles(GET, PROCESS_READERS, "/api/dead-letters"),
                EndpointRule.roles(POST, REPAIRERS, "/api/dead-letters/*/*/replay", "/api/dead-letters/*/*/discard"),
                // models at runtime (docs/models.md): analysts deploy, roll back and preview migrations; operators move instances
                EndpointRule.roles(POST, MODELLERS, "/api/models", "/api/models/*/rollback"),
                EndpointRule.roles(GET, PROCESS_READERS, "/api/models", "/api/models/*", "/api/models/*/migration-plan"),
                EndpointRule.roles(POST, REPAIRERS, "/api/models/*/migrations"));
    }

    /** The rules of a Camunda engine REST API mounted at {@code base}, e.g. {@code /engine-rest}. */
    public static List<EndpointRule> engine(String base) {
        List<EndpointRule> rules = new ArrayList<>();
        // read-only queries Cockpit sends as POST (first, as their paths sit under the repair rules below);
        // deleting history stays with admins (the catch-all at the end)
        rules.add(EndpointRule.roles(POST, PROCESS_READERS, base + "/process-instance", base + "/process-instance/count",
                base + "/task", base + "/task/count", base + "/job", base + "/job/count", base + "/variable-instance",
                base + "/variable-instance/count", base + "/history/activity-instance", base + "/history/process-instance",
                base + "/history/process-instance/count", base + "/history/incident", base + "/history/task",
                base + "/history/task/count", base + "/history/variable-instance", base + "/history/variable-instance/count",
                base + "/history/decision-instance"));
        // analysts deploy through POST /api/models, which reviews and tests a model first (docs/models.md); the engine's
        // own deployment, unchecked, and deleting one (with the instances that run on it) fall to the admins' catch-all
        for (HttpMethod change : List.of(POST, PUT, DELETE)) {
            rules.add(EndpointRule.roles(change, REPAIRERS, base + "/job/**", base + "/job-definition/**", base + "/incident/**",
                    base + "/task/**", base + "/process-instance/**", base + "/external-task/**", base + "/execution/**",
                    base + "/message", base + "/signal", base + "/process-definition/*/start", base + "/process-definition/key/*/start",
                    base + "/process-definition/*/submit-form", base + "/process-definition/key/*/submit-form"));
        }
        rules.add(EndpointRule.roles(GET, PROCESS_READERS, base, base + "/**"));
        rules.add(EndpointRule.roles(null, Set.of(ADMIN), base, base + "/**"));
        return List.copyOf(rules);
    }
}
