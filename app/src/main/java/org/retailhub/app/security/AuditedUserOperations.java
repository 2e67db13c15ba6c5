package org.retailhub.app.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.security.pii.PiiMasking;
import org.springframework.stereotype.Component;

/**
 * Copies every operation a person performs on the engine (deploy a model, retry a failed job or incident, complete or
 * claim a task, cancel or modify an instance) into the append-only audit trail, in the same transaction. Camunda's own
 * user operation log can be cleaned up by history time-to-live; the audit trail cannot.
 */
@Component
class AuditedUserOperations extends AbstractProcessEnginePlugin implements HistoryEventHandler {

    private final AuditTrail trail;
    /** One operation logs one entry per changed property; the trail keeps one line per operation. */
    private final ThreadLocal<String> lastOperation = new ThreadLocal<>();

    AuditedUserOperations(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(this);
        configuration.setCustomHistoryEventHandlers(handlers);
        // the level that keeps user operations while leaving out per-variable history (camunda.bpm.history-level)
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(new OperationsHistoryLevel());
        configuration.setCustomHistoryLevels(levels);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event instanceof UserOperationLogEntryEventEntity op) || op.getUserId() == null
                || op.getOperationId() != null && op.getOperationId().equals(lastOperation.get())) {
            return;
        }
        lastOperation.set(op.getOperationId());
        String detail = (op.getProcessDefinitionKey() == null ? "" : "process " + op.getProcessDefinitionKey() + "; ")
                + (op.getProperty() == null ? "" : op.getProperty() + ": " + op.getOrgValue() + " -> " + op.getNewValue());
        trail.record(op.getUserId(), op.getOperationType(), op.getEntityType(), subject(op), PiiMasking.mask(detail));
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private static String subject(UserOperationLogEntryEventEntity op) {
        return switch (op.getEntityType() == null ? "" : op.getEntityType()) {
            case "Deployment" -> op.getDeploymentId();
            case "Job", "JobDefinition" -> op.getJobId() != null ? op.getJobId() : op.getJobDefinitionId();
            case "Task", "IdentityLink", "Attachment" -> op.getTaskId();
            case "ExternalTask" -> op.getExternalTaskId();
            case "Batch" -> op.getBatchId();
            default -> op.getProcessInstanceId() != null ? op.getProcessInstanceId() : op.getProcessDefinitionId();
        };
    }
}
