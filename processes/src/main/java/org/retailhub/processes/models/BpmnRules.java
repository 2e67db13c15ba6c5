package org.retailhub.processes.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;

/**
 * The house rules for BPMN models, the same in CI (every model in the repo) and at {@code POST /api/models}: named
 * elements with stable ids, service tasks that call a named bean, call activities bound to a version so orders in
 * flight keep theirs, no hidden scripts, a diagram for every element, laid out so a person can read it.
 */
public final class BpmnRules {

    private static final Pattern STEP_CALL = Pattern.compile("^\\$\\{([a-z][A-Za-z0-9]*)\\.([a-z][A-Za-z0-9]*)\\(");

    private BpmnRules() {
    }

    /** Every rule the model breaks, one line each; empty when it follows them all. */
    public static List<String> problems(BpmnModelInstance bpmn) {
        List<String> problems = new ArrayList<>();
        List<String> drawn = bpmn.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()).toList();
        for (FlowNode node : bpmn.getModelElementsByType(FlowNode.class)) {
            if (node.getName() == null || node.getName().isBlank()) {
                problems.add(node.getId() + " has no human-readable name");
            }
            if (!node.getId().matches("(Activity|Gateway|Event|StartEvent|EndEvent|SubProcess)_[A-Z][A-Za-z]+")) {
                problems.add(node.getId() + " is not a stable, readable id like Activity_ReserveStock");
            }
            if (!drawn.contains(node.getId())) {
                problems.add(node.getId() + " has no diagram shape");
            }
        }
        for (ServiceTask task : bpmn.getModelElementsByType(ServiceTask.class)) {
            String expression = task.getCamundaExpression();
            if (expression == null || !expression.matches("\\$\\{[a-z][A-Za-z]*\\.[a-z][A-Za-z]*\\(execution.*\\)}")) {
                problems.add(task.getId() + " does not call a named bean (${bean.step(execution)}): " + expression);
            }
        }
        for (CallActivity call : bpmn.getModelElementsByType(CallActivity.class)) {
            if (!List.of("deployment", "version", "versionTag").contains(call.getCamundaCalledElementBinding())) {
                problems.add(call.getId() + " calls the latest " + call.getCalledElement()
                        + ": bind it (calledElementBinding=\"deployment\") so orders in flight keep their version");
            }
        }
        if (!bpmn.getModelElementsByType(ScriptTask.class).isEmpty()) {
            problems.add("script tasks hide logic from review; call a named bean instead");
        }
        return problems;
    }

    /**
     * Service tasks that call a step the hub does not have: {@code steps} holds the hub's steps as {@code bean.method}
     * ({@link HubSteps}), so a typo or a step from another release is refused before it reaches running orders.
     */
    public static List<String> unknownSteps(BpmnModelInstance bpmn, Set<String> steps) {
        List<String> problems = new ArrayList<>();
        for (ServiceTask task : bpmn.getModelElementsByType(ServiceTask.class)) {
            Matcher call = STEP_CALL.matcher(String.valueOf(task.getCamundaExpression()));
            if (call.find() && !steps.contains(call.group(1) + "." + call.group(2))) {
                List<String> ofBean = steps.stream().filter(s -> s.startsWith(call.group(1) + ".")).sorted().toList();
                problems.add(task.getId() + " calls " + call.group(1) + "." + call.group(2) + ", which is not a step of the hub"
                        + (ofBean.isEmpty() ? " (no bean '" + call.group(1) + "')" : " (" + call.group(1) + " offers " + ofBean + ")"));
            }
        }
        return problems;
    }

    /** How the diagram is hard to read (crossing flows, overlaps, right-to-left flows), one line each. */
    public static List<String> diagramProblems(BpmnModelInstance bpmn) {
        return DiagramReadability.problems(bpmn);
    }
}
