package org.retailhub.app.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.retailhub.domain.order.OrderTrace;
import org.retailhub.processes.order.OrderFulfilmentProcess;
import org.retailhub.processes.payment.PaymentProcess;
import org.retailhub.processes.payment.RefundProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The models' own meters: how long each process instance took from start to end ({@code hub.process.duration}, per
 * model and the end it reached), how long each automated step ran ({@code hub.process.step.duration}, service, send,
 * script and business rule tasks, measured inside the transaction that runs it) and each incident raised
 * ({@code hub.process.incidents}, per model and step). Read from the history events the engine produces anyway and from
 * the step's own thread: nothing is added to the database, and the start of an instance is read back from it only when it
 * ends on another hub instance or after a restart. While an automated step runs, its process's business key (the order
 * id in the order's models) is in the log's MDC as {@value #BUSINESS_KEY}, and in the order's models the order's id and
 * trace id ({@link OrderTrace}), so the lines of its connectors' calls carry them too; each step's end is logged at DEBUG.
 */
@Component
class ProcessMeters extends AbstractProcessEnginePlugin {

    /**
     * The automated step running on this thread and when it started. A step's start and end listeners run on one thread
     * in one transaction, and automated steps do not nest. Not a variable, not even a transient one: setting a variable
     * on an execution loads its stored variables first, one query per step (ops/bench/RESULTS.md, run 10).
     */
    private static final ThreadLocal<RunningStep> RUNNING = new ThreadLocal<>();
    private static final Pattern UUID_TEXT = Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    /** The MDC key of the running step's business key: the order id in the order's models (JSON logs carry the MDC). */
    static final String BUSINESS_KEY = "businessKey";
    /**
     * The models whose business key is the order's id: the order's own, and those it calls with its key (order-fulfilment.bpmn);
     * {@code delivery} for the orders of the release before issue 18 that still run it.
     */
    private static final Set<String> ORDER_MODELS = Set.of(OrderFulfilmentProcess.PROCESS_KEY, PaymentProcess.PROCESS_KEY,
            RefundProcess.PROCESS_KEY, "payment-reversal", "delivery");
    private static final Logger log = LoggerFactory.getLogger(ProcessMeters.class);

    /** Running instances whose start this hub remembers (the rest are read from the history table when they end). */
    private static final int REMEMBERED_STARTS = 200_000;

    private final MeterRegistry meters;
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    /** {@code hub.process.step.duration} per model and step, built once each. */
    private final Map<String, Timer> stepTimers = new ConcurrentHashMap<>();

    private record RunningStep(String processInstanceId, String activityId, long startedNanos) {
    }

    ProcessMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new Ends());
        configuration.setCustomHistoryEventHandlers(handlers);
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new StepTimer());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /**
     * Process ends and incidents from the engine's history events; not a bean of its own, since Camunda's starter takes a
     * {@link HistoryEventHandler} bean, when there is exactly one, as the engine's history event handler.
     */
    private final class Ends implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricProcessInstanceEventEntity instance) {
                if (HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(event.getEventType()) && instance.getStartTime() != null) {
                    remember(instance.getProcessInstanceId(), instance.getStartTime().getTime());
                } else if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
                    ended(instance);
                }
            } else if (event instanceof HistoricIncidentEventEntity incident && HistoryEventTypes.INCIDENT_CREATE.getEventName().equals(event.getEventType())) {
                Counter.builder("hub.process.incidents").description("incidents raised (a step out of retries)")
                        .tag("process", String.valueOf(incident.getProcessDefinitionKey()))
                        .tag("step", String.valueOf(incident.getActivityId())).register(meters).increment();
            }
        }

        /**
         * The end event carries no start time when the instance started in an earlier transaction: it is taken from
         * the start this instance saw, else (started before a restart or on another hub instance) from the history table.
         */
        private void ended(HistoricProcessInstanceEventEntity instance) {
            Long started = startedAt.remove(instance.getProcessInstanceId());
            if (started == null && Context.getCommandContext() != null) {
                HistoricProcessInstanceEntity stored = Context.getCommandContext().getHistoricProcessInstanceManager()
                        .findHistoricProcessInstance(instance.getProcessInstanceId());
                started = stored == null || stored.getStartTime() == null ? null : stored.getStartTime().getTime();
            }
            if (started != null && instance.getEndTime() != null) {
                Timer.builder("hub.process.duration").description("process instance from start to end")
                        .tag("process", String.valueOf(instance.getProcessDefinitionKey()))
                        .tag("end", instance.getEndActivityId() == null ? "none" : instance.getEndActivityId())
                        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofDays(8))
                        .register(meters).record(Duration.ofMillis(Math.max(0, instance.getEndTime().getTime() - started)));
            }
        }

        /** Starts of running instances; one whose start was rolled back never ends, so the memory is bounded. */
        private void remember(String processInstanceId, long startedMillis) {
            if (startedAt.size() >= REMEMBERED_STARTS) {
                startedAt.clear();
            }
            startedAt.put(processInstanceId, startedMillis);
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }

    /** Adds a start and an end listener to every automated step. */
    private final class StepTimer extends AbstractBpmnParseListener {

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            time(activity);
        }

        @Override
        public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            time(activity);
        }

        @Override
        public void parseScriptTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            time(activity);
        }

        @Override
        public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            time(activity);
        }

        private void time(ActivityImpl activity) {
            activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
                RUNNING.set(new RunningStep(execution.getProcessInstanceId(), execution.getCurrentActivityId(), System.nanoTime()));
                if (execution.getProcessBusinessKey() != null) {
                    MDC.put(BUSINESS_KEY, execution.getProcessBusinessKey());
                }
                trace(execution);
            });
            activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::record);
        }

        /** The order's trace while a step of its models runs; none otherwise (a failed step's end listener never ran). */
        private void trace(DelegateExecution execution) {
            String businessKey = execution.getProcessBusinessKey();
            if (businessKey != null && ORDER_MODELS.contains(processKey(execution))
                    && UUID_TEXT.matcher(businessKey).matches()) {
                OrderTrace.enter(UUID.fromString(businessKey));
            } else {
                OrderTrace.leave();
            }
        }

        private void record(DelegateExecution execution) {
            RunningStep step = RUNNING.get();
            RUNNING.remove();
            if (step != null && step.processInstanceId().equals(execution.getProcessInstanceId())
                    && step.activityId().equals(execution.getCurrentActivityId())) {
                long nanos = System.nanoTime() - step.startedNanos();
                String process = processKey(execution);
                log.debug("Process {} step {} done in {} ms", process, step.activityId(), nanos / 1_000_000);
                stepTimers.computeIfAbsent(process + '\n' + step.activityId(), k -> Timer.builder("hub.process.step.duration")
                                .description("an automated step, inside the transaction that runs it")
                                .tag("process", process).tag("step", step.activityId())
                                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(2))
                                .register(meters))
                        .record(Duration.ofNanos(nanos));
            }
            MDC.remove(BUSINESS_KEY);
            OrderTrace.leave();
        }

        private String processKey(DelegateExecution execution) {
            return execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null
                    ? entity.getProcessDefinition().getKey() : "unknown";
        }
    }
}
