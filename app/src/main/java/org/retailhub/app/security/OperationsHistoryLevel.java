package org.retailhub.app.security;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelActivity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Camunda history level {@value #NAME}: every process instance (start, end and the end event it reached) and user task,
 * every operation a person performed and every incident, which the audit trail and operators need. Activity, variable,
 * job and decision history are left out: at level {@code full} they were more than half of the statements per order
 * (ops/bench/RESULTS.md), and the order's own history ({@code hub.order_history}) tells its path in business terms.
 */
final class OperationsHistoryLevel extends HistoryLevelActivity {

    static final String NAME = "operations";

    private static final Set<HistoryEventType> ALSO_KEPT = Set.of(HistoryEventTypes.USER_OPERATION_LOG,
            HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_RESOLVE, HistoryEventTypes.INCIDENT_DELETE,
            HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.INCIDENT_UPDATE);

    @Override
    public int getId() {
        return 40;
    }

    @Override
    public String getName() {
        return NAME;
    }

    private static final Set<HistoryEventType> LEFT_OUT = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_END, HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE);

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return ALSO_KEPT.contains(eventType) || !LEFT_OUT.contains(eventType) && super.isHistoryEventProduced(eventType, entity);
    }
}
