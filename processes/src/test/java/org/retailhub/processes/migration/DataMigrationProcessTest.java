package org.retailhub.processes.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.migration.EntityOutcome;
import org.retailhub.domain.migration.EntityPlan;
import org.retailhub.domain.migration.MaskingKeyMissingException;
import org.retailhub.domain.migration.MigrationEntity;
import org.retailhub.domain.migration.MigrationJobs;
import org.retailhub.domain.migration.MigrationReport;
import org.retailhub.domain.migration.MigrationRequest;
import org.retailhub.domain.migration.MigrationRuns;
import org.retailhub.domain.migration.MigrationTarget;
import org.retailhub.domain.migration.SourceUnavailableException;
import org.mockito.ArgumentCaptor;

/**
 * The data migration model path by path: both entities below the reject threshold, the operator continuing, retrying
 * the quarantined rows and aborting, a masked run without a key, an unreadable source, a validation that does not add up.
 */
@Deployment(resources = "bpmn/migration/data-migration.bpmn")
class DataMigrationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private static final Map<String, String> SUMS = Map.of("card_no", "00000000000000aa");

    private final MigrationJobs jobs = mock(MigrationJobs.class);
    private final MigrationRuns runs = mock(MigrationRuns.class);

    @BeforeEach
    void wire() {
        AbstractAssertions.init(engine.getProcessEngine());
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
        Mocks.register("dataMigration", new DataMigrationSteps(jobs, runs, new MigrationProperties(null, 5, 2), clock));
        when(jobs.canMask()).thenReturn(true);
        when(jobs.plan(any())).thenAnswer(call -> new EntityPlan(call.getArgument(0), 1000, 1, 1000));
        when(runs.startedAt(anyString())).thenReturn(Instant.parse("2026-11-30T11:59:00Z"));
        when(jobs.validate(anyString(), any(), any())).thenAnswer(call -> outcome(call.getArgument(1), 10));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    /** 1,000 rows, {@code rejected} of them in quarantine (BAD_EMAIL), counts and checksums in agreement. */
    private static EntityOutcome outcome(MigrationEntity entity, long rejected) {
        return new EntityOutcome(entity, false, 1000, 1000 - rejected, rejected == 0 ? Map.of() : Map.of("BAD_EMAIL", rejected),
                1000 - rejected, 0, SUMS, SUMS, 2.0);
    }

    private static ProcessInstance start(String target) {
        return runtimeService().startProcessInstanceByKey(DataMigrationProcess.PROCESS_KEY, withVariables(
                DataMigrationSteps.SOURCES, "POS,CRM", DataMigrationSteps.ENTITIES, "LOYALTY_ACCOUNTS,SALES",
                DataMigrationSteps.TARGET, target, DataMigrationSteps.CHUNK_SIZE, 5000L, DataMigrationSteps.DRY_RUN, false));
    }

    private MigrationReport reportWritten() {
        ArgumentCaptor<MigrationReport> report = ArgumentCaptor.forClass(MigrationReport.class);
        verify(runs).finish(report.capture());
        return report.getValue();
    }

    @Test
    void bothEntitiesBelowTheThresholdAreLoadedValidatedAndReported() {
        ProcessInstance instance = start("MASKED_COPY");
        execute(job(instance)); // plan
        assertThat(instance).isWaitingAt("Activity_LoadEntity").variables()
                .containsEntry(DataMigrationSteps.REPORT_LINK, "/api/migrations/" + instance.getId() + "/report")
                .containsEntry(DataMigrationSteps.PLAN, "LOYALTY_ACCOUNTS: 1000 rows, keys 1..1000; SALES: 1000 rows, keys 1..1000");
        execute(job(instance)); // loyalty accounts
        execute(job(instance)); // sales
        execute(job(instance)); // report

        assertThat(instance).isEnded().hasPassed("Activity_WriteReport", "EndEvent_Migrated").hasNotPassed("Activity_DecideOnRejects");
        verify(runs).open(eq(instance.getId()), argThat(r -> r.target() == MigrationTarget.MASKED_COPY && r.chunkSize() == 5000));
        verify(jobs).load(eq(instance.getId()), eq(MigrationEntity.LOYALTY_ACCOUNTS), any(), eq(1));
        verify(jobs).load(eq(instance.getId()), eq(MigrationEntity.SALES), any(), eq(1));
        MigrationReport report = reportWritten();
        assertThat(report.outcome()).isEqualTo("COMPLETED");
        assertThat(report.entities()).extracting(EntityOutcome::entity).containsExactly(MigrationEntity.LOYALTY_ACCOUNTS, MigrationEntity.SALES);
    }

    @Test
    void tooManyRejectsWaitForTheOperatorWhoMayContinueWithoutThem() {
        when(jobs.validate(anyString(), eq(MigrationEntity.LOYALTY_ACCOUNTS), any())).thenReturn(outcome(MigrationEntity.LOYALTY_ACCOUNTS, 80));
        ProcessInstance instance = start("HUB");
        execute(job(instance));
        execute(job(instance));

        assertThat(instance).isWaitingAt("Activity_DecideOnRejects").task().hasCandidateGroup("operator");
        assertThat(task(instance).getDescription()).contains("LOYALTY_ACCOUNTS: 8.0 % of the rows are in quarantine ({BAD_EMAIL=80})");
        complete(task(instance), withVariables(DataMigrationSteps.DECISION, "continue"));
        execute(job(instance)); // sales
        execute(job(instance)); // report

        assertThat(instance).isEnded().hasPassed("EndEvent_EntityMigrated", "EndEvent_Migrated").hasNotPassed("Activity_RetryQuarantined");
        assertThat(reportWritten().outcome()).isEqualTo("COMPLETED");
    }

    @Test
    void afterTheSourceWasFixedTheQuarantinedRowsAreLoadedAgainAndValidatedAgain() {
        when(jobs.validate(anyString(), eq(MigrationEntity.LOYALTY_ACCOUNTS), any()))
                .thenReturn(outcome(MigrationEntity.LOYALTY_ACCOUNTS, 80), outcome(MigrationEntity.LOYALTY_ACCOUNTS, 3));
        ProcessInstance instance = start("HUB");
        execute(job(instance));
        execute(job(instance));
        when(runs.attempts(instance.getId(), MigrationEntity.LOYALTY_ACCOUNTS)).thenReturn(1);
        complete(task(instance), withVariables(DataMigrationSteps.DECISION, "retry"));

        assertThat(instance).isWaitingAt("Activity_RetryQuarantined");
        execute(job(instance));
        verify(jobs).load(eq(instance.getId()), eq(MigrationEntity.LOYALTY_ACCOUNTS), any(), eq(2));
        assertThat(instance).isWaitingAt("Activity_LoadEntity").hasPassed("Activity_RetryQuarantined", "EndEvent_EntityMigrated");
        execute(job(instance));
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed("EndEvent_Migrated");
    }

    @Test
    void anAbortStopsTheRunAndStillWritesItsReport() {
        when(jobs.validate(anyString(), eq(MigrationEntity.LOYALTY_ACCOUNTS), any())).thenReturn(outcome(MigrationEntity.LOYALTY_ACCOUNTS, 300));
        ProcessInstance instance = start("HUB");
        execute(job(instance));
        execute(job(instance));
        complete(task(instance), withVariables(DataMigrationSteps.DECISION, "abort"));

        assertThat(instance).isWaitingAt("Activity_ReportAborted").hasPassed("EndEvent_RunAborted", "Event_RunAborted");
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed("EndEvent_MigrationAborted").hasNotPassed("Activity_WriteReport");
        verify(jobs, never()).load(anyString(), eq(MigrationEntity.SALES), any(), any(Integer.class));
        assertThat(reportWritten().outcome()).isEqualTo("ABORTED");
    }

    @Test
    void aMaskedRunWithoutAKeyNeverStartsFromTheApiAndStopsAtThePlanFromTasklist() {
        when(jobs.canMask()).thenReturn(false);
        MigrationRequest masked = new MigrationRequest(Set.of(Island.CRM), List.of(MigrationEntity.LOYALTY_ACCOUNTS), MigrationTarget.MASKED_COPY, 100, false);
        assertThatThrownBy(() -> new DataMigrationProcess(runtimeService(), jobs).start(masked)).isInstanceOf(MaskingKeyMissingException.class);
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();

        ProcessInstance instance = start("MASKED_COPY");
        assertThatThrownBy(() -> execute(job(instance))).hasMessageContaining("hub.migration.masking-key");
        assertThat(instance).isWaitingAt("Activity_PlanRun");
        verify(runs, never()).open(anyString(), any());
    }

    @Test
    void anUnreadableSourceFailsTheLoadForARetryAndLosesNothing() {
        ProcessInstance instance = start("HUB");
        execute(job(instance));
        org.mockito.Mockito.doThrow(new SourceUnavailableException(MigrationEntity.LOYALTY_ACCOUNTS, new RuntimeException("connection refused")))
                .when(jobs).load(anyString(), eq(MigrationEntity.LOYALTY_ACCOUNTS), any(), eq(1));

        assertThatThrownBy(() -> execute(job(instance))).hasMessageContaining("cannot be read from CRM");
        assertThat(instance).isWaitingAt("Activity_LoadEntity");
        assertThat(job(instance).getRetries()).as("R3/PT1M: two more tries, then an incident to retry by hand").isEqualTo(2);
    }

    @Test
    void countsOrChecksumsThatDisagreeStopTheRunAtTheLoad() {
        when(jobs.validate(anyString(), eq(MigrationEntity.LOYALTY_ACCOUNTS), any())).thenReturn(new EntityOutcome(MigrationEntity.LOYALTY_ACCOUNTS,
                false, 1000, 990, Map.of(), 989, 1, SUMS, Map.of("card_no", "00000000000000bb"), 1.0));
        ProcessInstance instance = start("HUB");
        execute(job(instance));

        assertThatThrownBy(() -> execute(job(instance))).hasMessageContaining("validation of LOYALTY_ACCOUNTS failed")
                .hasMessageContaining("checksum of card_no differs").hasMessageContaining("loaded more than once");
        assertThat(instance).isWaitingAt("Activity_LoadEntity");
    }
}
