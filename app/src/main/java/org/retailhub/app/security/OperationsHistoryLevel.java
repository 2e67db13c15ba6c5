package org.retailhub.app.security;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelActivity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Camunda history level {@value #NAME}: what level {@code activity} keeps (instances and their activities, which Cockpit
 * shows for finished orders), plus every operation a person performed and every incident, which the audit trail and
 * operators need. Variable, job and decision history are left out: at level {@code full} they were a third of the
 * statements per order (ops/bench/RESULTS.md).
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

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return ALSO_KEPT.contains(eventType) || super.isHistoryEventProduced(eventType, entity);
    }
}
