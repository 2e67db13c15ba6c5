package org.retailhub.processes.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.retailhub.domain.consistency.ConsistencyReport;
import org.retailhub.domain.consistency.ConsistencyReport.DuplicateCustomers;
import org.retailhub.domain.consistency.ConsistencyReport.Tally;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.domain.consistency.ConsistencyReports;
import org.retailhub.domain.consistency.EntityKind;
import org.retailhub.domain.consistency.Reconciliation;
import org.retailhub.domain.consistency.ReconciliationRunningException;
import org.retailhub.domain.consistency.ReconciliationTurn;

/** The reconciliation model: compare, repair by ownership, operator decisions on duplicates, final report; timer and on demand. */
@Deployment(resources = "bpmn/consistency/reconciliation.bpmn")
class ReconciliationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private final Reconciliation reconciliation = mock(Reconciliation.class);
    private final ConsistencyReports reports = mock(ConsistencyReports.class);
    private final AuditTrail trail = mock(AuditTrail.class);
    private final ReconciliationTurn turn = mock(ReconciliationTurn.class);

    @BeforeEach
    void wire() {
        AbstractAssertions.init(engine.getProcessEngine());
        Mocks.register("reconciliation", new ReconciliationSteps(reconciliation, reports, trail, turn));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private static ConsistencyReport report(int consistent, List<DuplicateCustomers> duplicates) {
        return new ConsistencyReport(List.of(new Tally(EntityKind.PRICE, 50, consistent)), List.of(), duplicates);
    }

    @Test
    void withoutDuplicatesItRepairsAndRecordsTheReport() {
        when(reconciliation.compare()).thenReturn(report(3, List.of()), report(3, List.of()), report(50, List.of()));
        when(reconciliation.repair(any())).thenReturn(47);

        ProcessInstance instance = start();
        execute(job(instance));
        assertThat(instance).isWaitingAt("Activity_RecordReport").hasPassed("Activity_CompareIslands", "Activity_RepairByOwnership");
        execute(job(instance));

        assertThat(instance).isEnded().hasNotPassed("Activity_ChooseSurvivor").variables()
                .containsEntry(ReconciliationSteps.FOUND_PERCENT, "6.00").containsEntry(ReconciliationSteps.PERCENT, "100.00");
        verify(reports).save(any(), eq("FOUND"), eq(0));
        verify(reports).save(any(), eq("AFTER_REPAIR"), eq(47));
    }

    @Test
    void everyDuplicateGroupWaitsForAnOperatorWhoChoosesTheSurvivor() {
        List<DuplicateCustomers> duplicates = List.of(new DuplicateCustomers("a@example.org", List.of("CU1", "CU2")),
                new DuplicateCustomers("b@example.org", List.of("CU3", "CU4")));
        when(reconciliation.compare()).thenReturn(report(40, duplicates), report(40, duplicates), report(50, List.of()));
        when(reconciliation.customers(List.of("CU1", "CU2"))).thenReturn(List.of(new Customer("CU1", "Anna Schmidt", "a@example.org", 120),
                new Customer("CU2", "anna schmidt", "a@example.org", 0)));

        ProcessInstance instance = start();
        execute(job(instance));
        List<Task> tasks = taskQuery().processInstanceId(instance.getId()).list();
        assertThat(tasks).hasSize(2);
        assertThat(tasks).allSatisfy(task -> assertThat(task).hasFormKey("embedded:/camunda/forms/choose-survivor.html"));
        // what the form shows of each customer, personal data masked
        assertThat(instance).variables().extractingByKey(ReconciliationSteps.CUSTOMER + "CU1").asString()
                .contains("\"customerId\":\"CU1\"", "\"initials\":\"A. S.\"", "\"email\":\"a***@example.org\"", "\"loyaltyPoints\":120")
                .doesNotContain("Anna", "Schmidt", "a@example.org");
        assertThat(instance).variables().containsKey(ReconciliationSteps.CUSTOMER + "CU2");
        verify(reconciliation, never()).keepSurvivor(any(), any());

        engine.getProcessEngine().getIdentityService().setAuthentication("operator.lisa", List.of("operator"));
        try {
            for (Task task : tasks) {
                String group = (String) engine.getProcessEngine().getTaskService().getVariable(task.getId(), ReconciliationSteps.DUPLICATE_GROUP);
                complete(task, withVariables(ReconciliationSteps.SURVIVOR, group.split(",")[1]));
            }
        } finally {
            engine.getProcessEngine().getIdentityService().clearAuthentication();
        }
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Activity_MergeDuplicates", "Activity_RecordReport");
        verify(reconciliation).keepSurvivor(new DuplicateCustomers(null, List.of("CU1", "CU2")), "CU2");
        verify(reconciliation).keepSurvivor(new DuplicateCustomers(null, List.of("CU3", "CU4")), "CU4");
        // the operator's decision is in the audit trail under the operator's name
        verify(trail).record("operator.lisa", "KeepSurvivor", "Customer", "CU2", "duplicates retired: CU1");
        verify(trail).record("operator.lisa", "KeepSurvivor", "Customer", "CU4", "duplicates retired: CU3");
    }

    @Test
    void theHourlyTimerStartsARun() {
        when(reconciliation.compare()).thenReturn(report(50, List.of()));
        Job timer = engine.getProcessEngine().getManagementService().createJobQuery().timers().singleResult();
        assertThat(timer).isNotNull();

        engine.getProcessEngine().getManagementService().executeJob(timer.getId());
        ProcessInstance instance = engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery().singleResult();
        execute(job(instance));
        execute(job(instance));

        assertThat(engine.getProcessEngine().getHistoryService().createHistoricProcessInstanceQuery().finished().count()).isEqualTo(1);
        verify(reports).save(any(), eq("AFTER_REPAIR"), anyInt());
    }

    @Test
    void aSecondStartWhileARunIsActiveIsRefusedAndNamesTheActiveRun() {
        when(reconciliation.compare()).thenReturn(report(50, List.of()));
        ProcessInstance first = start();

        assertThatThrownBy(this::start).isInstanceOf(ReconciliationRunningException.class)
                .satisfies(e -> assertThat(((ReconciliationRunningException) e).activeRun()).isEqualTo(first.getId()));
        // the refused start ended at once, before comparing anything; the first run goes on alone
        assertThat(engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery().list()).extracting(ProcessInstance::getId)
                .containsExactly(first.getId());
        assertThat(engine.getProcessEngine().getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_AnotherRunActive")
                .count()).isEqualTo(1);
        verify(turn, times(2)).await();
        execute(job(first));
        execute(job(first));
        assertThat(first).isEnded();

        // once it ended, the next run starts
        assertThat(start()).isNotNull().satisfies(next -> assertThat(next).isWaitingAt("Activity_CompareIslands"));
    }

    @Test
    void theHourlyTimerWhileARunWaitsForAnOperatorStartsNoSecondRunAndNoSecondSetOfTasks() {
        List<DuplicateCustomers> duplicates = List.of(new DuplicateCustomers("a@example.org", List.of("CU1", "CU2")));
        when(reconciliation.compare()).thenReturn(report(40, duplicates));
        ProcessInstance waiting = start();
        execute(job(waiting));
        assertThat(taskQuery().count()).isEqualTo(1);

        Job timer = engine.getProcessEngine().getManagementService().createJobQuery().timers().singleResult();
        engine.getProcessEngine().getManagementService().executeJob(timer.getId());

        assertThat(taskQuery().count()).as("no duplicated operator task").isEqualTo(1);
        assertThat(engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(1);
        assertThat(engine.getProcessEngine().getHistoryService().createHistoricProcessInstanceQuery().finished().count()).isEqualTo(1);
        verify(reconciliation, times(1)).repair(any());
    }

    private ProcessInstance start() {
        String id = new ReconciliationProcess(engine.getProcessEngine().getRuntimeService()).startNow();
        return engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }
}
