package org.retailhub.processes.models;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;

/**
 * What a called model hands its caller: its variables as it ends, which is where the caller's out-mappings read them.
 * The answers are transient (no rows in the engine's tables), so neither the runtime nor the history shows them once
 * the instance ended; the tests deploy the model with this listener on its end to see them.
 */
public final class AnswerAtTheEnd {

    private static final String BEAN = "answerAtTheEnd";

    private final List<String> names;
    private final Map<String, Object> answer = new HashMap<>();
    private String deploymentId;

    private AnswerAtTheEnd(List<String> names) {
        this.names = names;
    }

    /** Deploys the repo's model at {@code resource} with a listener that keeps the {@code names} as it ends; returns the listener. */
    public static AnswerAtTheEnd deploy(RepositoryService repository, String resource, String... names) {
        AnswerAtTheEnd listener = new AnswerAtTheEnd(List.of(names));
        Mocks.register(BEAN, listener);
        BpmnModelInstance model;
        try (InputStream in = AnswerAtTheEnd.class.getClassLoader().getResourceAsStream(resource)) {
            model = Bpmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        ExtensionElements extensions = process.getExtensionElements();
        if (extensions == null) {
            extensions = model.newInstance(ExtensionElements.class);
            process.setExtensionElements(extensions);
        }
        CamundaExecutionListener atTheEnd = extensions.addExtensionElement(CamundaExecutionListener.class);
        atTheEnd.setCamundaEvent("end");
        atTheEnd.setCamundaExpression("${" + BEAN + ".record(execution)}");
        listener.deploymentId = repository.createDeployment().addModelInstance(resource.substring(resource.lastIndexOf('/') + 1), model)
                .deploy().getId();
        return listener;
    }

    /** Removes the deployment with its instances. */
    public void undeploy(RepositoryService repository) {
        repository.deleteDeployment(deploymentId, true);
    }

    /** Called by the engine as the instance ends. */
    public void record(DelegateExecution execution) {
        answer.clear();
        names.forEach(name -> answer.put(name, execution.getVariable(name)));
    }

    /** The variables the instance held as it ended (null for one it did not hold); empty while it runs. */
    public Map<String, Object> answer() {
        return answer;
    }
}
