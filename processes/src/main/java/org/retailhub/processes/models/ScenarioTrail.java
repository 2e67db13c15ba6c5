package org.retailhub.processes.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.retailhub.processes.models.ProcessScenarios.Answer;

/**
 * What one scenario run saw, written by the scenario engine while it runs in the runner's thread (its job executor is
 * off, so everything happens in the thread that drives it): the activities passed in order (the process and the ones
 * it calls), the end event its process reached, its variables at the end, the instances it started, the steps called.
 * It also holds the scenario's scripted answers, which {@link ScriptedSteps} gives the process.
 */
final class ScenarioTrail {

    private static final ThreadLocal<ScenarioTrail> CURRENT = new ThreadLocal<>();

    private final Map<String, List<Answer>> answers;
    private final Map<String, Integer> calls = new HashMap<>();
    private final List<String> path = new ArrayList<>();
    private final Set<String> instances = new LinkedHashSet<>();
    private String end;
    private Map<String, Object> finalVariables;

    ScenarioTrail(Map<String, List<Answer>> answers) {
        this.answers = answers;
    }

    /** The trail of the run in this thread, or null. */
    static ScenarioTrail current() {
        return CURRENT.get();
    }

    /** Runs {@code run} with this trail recording; a listener outside any run (a deployment deleted) records nothing. */
    <T> T during(java.util.function.Supplier<T> run) {
        CURRENT.set(this);
        try {
            return run.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** The step {@code bean.method} is called: applies its scripted answer (none: it does nothing) and returns its value. */
    Object call(String step, DelegateExecution execution) {
        path.add(step + "()");
        int call = calls.merge(step, 1, Integer::sum);
        List<Answer> scripted = answers.get(step);
        if (scripted == null || scripted.isEmpty()) {
            return null;
        }
        Answer answer = scripted.get(Math.min(call, scripted.size()) - 1);
        if (execution != null) {
            answer.set().forEach(execution::setVariable);
        }
        if (answer.error() != null) {
            throw new BpmnError(answer.error(), answer.errorMessage() == null ? "scripted by the scenario" : answer.errorMessage());
        }
        return answer.returns();
    }

    List<String> path() {
        return path.stream().filter(p -> !p.endsWith("()")).toList();
    }

    List<String> stepsCalled() {
        return path.stream().filter(p -> p.endsWith("()")).toList();
    }

    Set<String> instances() {
        return instances;
    }

    String end() {
        return end;
    }

    /** The variables of the scenario's process when it ended; null while it runs. */
    Map<String, Object> finalVariables() {
        return finalVariables;
    }

    private static boolean topLevel(DelegateExecution execution) {
        return execution.getProcessInstance().getSuperExecution() == null;
    }

    /** The engine plugin that makes every activity of every deployed process report to the current trail. */
    static final class Plugin extends AbstractProcessEnginePlugin {

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                    ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
            listeners.add(new Listening());
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
    }

    private static final class Listening extends AbstractBpmnParseListener {

        private static final ExecutionListener PASSED = recording((trail, execution) -> trail.path.add(execution.getCurrentActivityId()));
        private static final ExecutionListener ENDED = recording((trail, execution) -> {
            if (topLevel(execution)) {
                trail.end = execution.getCurrentActivityId();
            }
        });
        private static final ExecutionListener STARTED = recording((trail, execution) -> trail.instances.add(execution.getProcessInstanceId()));
        private static final ExecutionListener FINISHED = recording((trail, execution) -> {
            if (topLevel(execution)) {
                trail.finalVariables = new LinkedHashMap<>(execution.getVariables());
            }
        });

        /** A listener that writes to the trail of the run in this thread, if any. */
        private static ExecutionListener recording(BiConsumer<ScenarioTrail, DelegateExecution> record) {
            return execution -> {
                ScenarioTrail trail = CURRENT.get();
                if (trail != null) {
                    record.accept(trail, execution);
                }
            };
        }

        @Override
        public void parseProcess(Element element, ProcessDefinitionEntity process) {
            process.addBuiltInListener(ExecutionListener.EVENTNAME_START, STARTED);
            process.addBuiltInListener(ExecutionListener.EVENTNAME_END, FINISHED);
            listen(process);
            // start timers would fire on the scratch engine's schedule, not the scenario's: a scenario names its start event
            process.setProperty(BpmnParse.PROPERTYNAME_START_TIMER, null);
        }

        @Override
        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, ENDED);
        }

        private static void listen(ScopeImpl scope) {
            for (ActivityImpl activity : scope.getActivities()) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, PASSED);
                listen(activity);
            }
        }
    }
}
