package org.retailhub.app.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.authorization.Groups;
import org.retailhub.domain.deadletter.DeadLetterDesk;
import org.retailhub.domain.deadletter.DeadLetterSource;
import org.retailhub.security.identity.HubRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the Cockpit plugin shows and does, in the hub's Spring context: the dashboard's figures and the dead-letter desk.
 * Camunda's webapp creates the plugin's JAX-RS resources itself, outside Spring, so they find this desk through
 * {@link #current()}, set when the context makes it (one hub per JVM).
 */
@Component
public class OperatorDesk {

    private static final AtomicReference<OperatorDesk> CURRENT = new AtomicReference<>();

    private final DeadLetterDesk deadLetters;
    private final OrderJourney journeys;
    private final ConsistencyView consistency;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    OperatorDesk(DeadLetterDesk deadLetters, OrderJourney journeys, ConsistencyView consistency, JdbcTemplate jdbc, ObjectMapper json) {
        this.deadLetters = deadLetters;
        this.journeys = journeys;
        this.consistency = consistency;
        this.jdbc = jdbc;
        this.json = json;
        CURRENT.set(this);
    }

    /** The desk of the running hub, if one is running. */
    static Optional<OperatorDesk> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    DeadLetterDesk deadLetters() {
        return deadLetters;
    }

    OrderJourney journeys() {
        return journeys;
    }

    ConsistencyView consistency() {
        return consistency;
    }

    /** What a Cockpit user in {@code groups} may do here. */
    static Access access(Collection<String> groups) {
        if (groups.contains(HubRole.OPERATOR.realmRole()) || groups.contains(HubRole.ADMIN.realmRole()) || groups.contains(Groups.CAMUNDA_ADMIN)) {
            return Access.HANDLE;
        }
        return groups.contains(HubRole.ANALYST.realmRole()) ? Access.READ_WITHOUT_PAYLOAD : Access.NONE;
    }

    /** A Cockpit user's rights on the desk, by their groups (the hub's roles). */
    enum Access {
        /** operators and admins: payloads (masked), replay, discard, orders' journeys */
        HANDLE,
        /** analysts: the figures and the letters' reasons, never a payload */
        READ_WITHOUT_PAYLOAD,
        /** anyone else (integration accounts have no business in the webapps) */
        NONE
    }

    /**
     * The dashboard's figures: open dead letters per source, orders received in the last hour by their status now, the
     * latest reconciliation's percent per kind, change capture's lag per island and the open incidents.
     */
    Map<String, Object> dashboard() {
        Map<String, Integer> open = new LinkedHashMap<>();
        deadLetters.openPerSource().forEach((source, n) -> open.put(source.slug(), n));
        Map<String, Integer> orders = new LinkedHashMap<>();
        jdbc.query("select status, count(*) from hub.customer_order where received_at > now() - interval '1 hour' group by status order by status",
                rs -> { orders.put(rs.getString(1), rs.getInt(2)); });
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("openDeadLetters", open);
        figures.put("ordersLastHour", orders);
        figures.put("sources", java.util.Arrays.stream(DeadLetterSource.values()).map(DeadLetterSource::slug).toList());
        figures.put("consistencyPerKind", consistency.percentPerKind());
        figures.put("cdcLag", consistency.captureLag());
        figures.put("openIncidents", consistency.openIncidents());
        return figures;
    }

    /** JSON as the hub's API writes it (ISO instants), whatever Camunda's own JSON provider would make of it. */
    String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    <T> T read(String body, Class<T> type) throws JsonProcessingException {
        return json.readValue(body, type);
    }
}
