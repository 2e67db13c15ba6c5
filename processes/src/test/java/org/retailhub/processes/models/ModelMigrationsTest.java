package org.retailhub.processes.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailhub.domain.audit.AuditTrail;

/** Running instances move to a new version by a plan an analyst previews and an operator executes, or not at all. */
class ModelMigrationsTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private final AuditTrail audit = mock(AuditTrail.class);
    private final List<String> deployments = new ArrayList<>();
    private RepositoryService repository;
    private RuntimeService runtime;
    private ModelMigrations migrations;

    @BeforeEach
    void versionOneWithTwoWaitingInstances() {
        repository = engine.getProcessEngine().getRepositoryService();
        runtime = engine.getProcessEngine().getRuntimeService();
        migrations = new ModelMigrations(repository, runtime, audit);
        deploy(Bpmn.createExecutableProcess("return-check").camundaHistoryTimeToLive(1).startEvent("StartEvent_Returned")
                .userTask("Activity_Inspect").endEvent("EndEvent_Done").done());
        runtime.startProcessInstanceByKey("return-check");
        runtime.startProcessInstanceByKey("return-check");
    }

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    @Test
    void theOperatorMovesEveryInstanceTheAnalystsPlanShows() {
        deploy(Bpmn.createExecutableProcess("return-check").camundaHistoryTimeToLive(1).startEvent("StartEvent_Returned")
                .userTask("Activity_Inspect").userTask("Activity_Restock").endEvent("EndEvent_Done").done());

        ModelMigrations.Plan plan = migrations.preview("anna", "return-check", 1, null);

        assertThat(plan.toVersion()).isEqualTo(2);
        assertThat(plan.instances()).isEqualTo(2);
        assertThat(plan.waitingAt()).isEqualTo(Map.of("Activity_Inspect", 2));
        assertThat(plan.mappedSteps()).containsEntry("Activity_Inspect", "Activity_Inspect");
        assertThat(plan.problems()).isEmpty();
        verify(audit).record(eq("anna"), eq("migration-previewed"), eq("process"), eq("return-check"), org.mockito.ArgumentMatchers.anyString());

        assertThat(migrations.execute("olaf", "return-check", 1, 2)).isEqualTo(2);

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("return-check").list())
                .allSatisfy(i -> assertThat(repository.getProcessDefinition(i.getProcessDefinitionId()).getVersion()).isEqualTo(2));
        verify(audit).record("olaf", "process-migrated", "process", "return-check", "2 instance(s) v1 -> v2");
    }

    @Test
    void instancesWaitingAtAStepTheNewVersionLacksBlockTheMigrationAndNothingMoves() {
        deploy(Bpmn.createExecutableProcess("return-check").camundaHistoryTimeToLive(1).startEvent("StartEvent_Returned")
                .userTask("Activity_Grade").endEvent("EndEvent_Done").done());

        assertThat(migrations.preview("anna", "return-check", 1, 2).problems())
                .containsExactly("2 instance(s) wait at Activity_Inspect, which version 2 does not have: they cannot move");
        assertThatThrownBy(() -> migrations.execute("olaf", "return-check", 1, 2)).hasMessageContaining("cannot run");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("return-check").list())
                .allSatisfy(i -> assertThat(repository.getProcessDefinition(i.getProcessDefinitionId()).getVersion()).isEqualTo(1));
    }

    private void deploy(BpmnModelInstance model) {
        deployments.add(repository.createDeployment().addModelInstance("return-check.bpmn", model).deploy().getId());
    }
}
