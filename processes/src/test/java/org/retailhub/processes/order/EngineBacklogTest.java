package org.retailhub.processes.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The backlog the intake's back-pressure reads, on a real (in-memory) engine with its job executor off: every step
 * that is due and may run counts until it is done; a timer not due yet and a step out of retries (an incident) do not.
 */
class EngineBacklogTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    static final BpmnModelInstance ONE_STEP = Bpmn.createExecutableProcess("one-step")
            .startEvent().serviceTask("Activity_Step").camundaAsyncBefore().camundaExpression("${true}").endEvent().done();
    static final BpmnModelInstance WAITING = Bpmn.createExecutableProcess("waiting")
            .startEvent().intermediateCatchEvent("Event_Later").timerWithDuration("PT1H").endEvent().done();

    String deployment;
    RuntimeService runtime;
    ManagementService management;
    EngineBacklog backlog;

    @BeforeEach
    void deploy() {
        runtime = engine.getRuntimeService();
        management = engine.getManagementService();
        backlog = new EngineBacklog(management);
        deployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("one-step.bpmn", ONE_STEP).addModelInstance("waiting.bpmn", WAITING).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void countsDueStepsUntilTheyAreDoneButNotTimersNotDueNorStepsOutOfRetries() {
        runtime.startProcessInstanceByKey("one-step");
        runtime.startProcessInstanceByKey("one-step");
        runtime.startProcessInstanceByKey("one-step");
        runtime.startProcessInstanceByKey("waiting");
        assertThat(backlog.dueSteps()).as("three due steps; the timer is due in an hour").isEqualTo(3);

        var steps = management.createJobQuery().processDefinitionKey("one-step").list();
        management.executeJob(steps.get(0).getId());
        assertThat(backlog.dueSteps()).as("one done").isEqualTo(2);

        management.setJobRetries(steps.get(1).getId(), 0);
        assertThat(backlog.dueSteps()).as("an incident waits for an operator, not for the executor").isEqualTo(1);

        Job timer = management.createJobQuery().processDefinitionKey("waiting").singleResult();
        management.setJobDuedate(timer.getId(), new java.util.Date(System.currentTimeMillis() - 1000));
        assertThat(backlog.dueSteps()).as("the timer once due").isEqualTo(2);
    }
}
