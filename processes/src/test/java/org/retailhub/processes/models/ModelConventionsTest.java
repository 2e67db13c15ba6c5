package org.retailhub.processes.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The house rules for BPMN models, checked on every model in the build: named elements with stable ids,
 * service tasks that call a named bean, call activities bound to a version, no hidden scripts, and a diagram
 * for every element so Modeler and Cockpit can draw it, laid out so a person can read it ({@link DiagramReadability}).
 */
class ModelConventionsTest {

    static Stream<Resource> models() throws IOException {
        return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn"));
    }

    @ParameterizedTest
    @MethodSource("models")
    void modelFollowsTheHouseRules(Resource model) throws IOException {
        BpmnModelInstance bpmn;
        try (InputStream in = model.getInputStream()) {
            bpmn = Bpmn.readModelFromStream(in);
        }
        Bpmn.validateModel(bpmn);
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
        assertThat(problems).as(model.getFilename()).isEmpty();
    }

    /** Diagrams are for people: read left to right, no crossing flows, nothing drawn on top of anything else. */
    @ParameterizedTest
    @MethodSource("models")
    void diagramIsReadable(Resource model) throws IOException {
        try (InputStream in = model.getInputStream()) {
            assertThat(DiagramReadability.problems(Bpmn.readModelFromStream(in))).as(model.getFilename()).isEmpty();
        }
    }
}
