package org.retailhub.processes.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailhub.domain.stockcount.CountNotPossibleException;
import org.retailhub.domain.stockcount.InventoryDifference;
import org.retailhub.domain.stockcount.StockCount;
import org.retailhub.domain.stockcount.StockCounts;

/**
 * The cycle count model path by path: closed by hand with a small shrink (stock corrected), with a shrink above the
 * threshold (the store manager's task), closed by the scan time running out, and a count the store cannot start.
 */
@Deployment(resources = "bpmn/inventory/cycle-count.bpmn")
class CycleCountProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private final StockCounts counts = mock(StockCounts.class);
    private final CountProperties properties = new CountProperties(new BigDecimal("100.00"), Duration.ofHours(2));
    private CycleCountProcess process;

    @BeforeEach
    void wire() {
        AbstractAssertions.init(engine.getProcessEngine());
        Mocks.register("cycleCount", new CycleCountSteps(counts, properties));
        process = new CycleCountProcess(engine.getProcessEngine().getRuntimeService());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void closedWithASmallShrinkTheDifferencesArePostedAndNobodyIsAsked() {
        UUID id = process.start("STORE-001");
        ProcessInstance instance = instance(id);
        assertThat(instance).isWaitingAt("Activity_ScanZones");
        verify(counts).open(id, "STORE-001");
        found(id, new InventoryDifference("SKU-0002", 10, 9, new BigDecimal("19.99")), new InventoryDifference("SKU-0007", 5, 6, new BigDecimal("9.50")));

        assertThat(process.close(id)).isTrue();
        execute(job(instance));
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Activity_CompareWithLedger", "Activity_PostDifferences", "EndEvent_StockCorrected")
                .hasNotPassed("Activity_InvestigateShrink")
                .variables().containsEntry(CycleCountSteps.SHRINK_VALUE, "19.99").containsEntry(CycleCountSteps.DIFFERENCES, 2);
        verify(counts).post(id);
        assertThat(process.close(id)).as("a finished count waits for nothing").isFalse();
    }

    @Test
    void aShrinkAboveTheThresholdIsPostedAndHandedToTheStoreManager() {
        UUID id = process.start("STORE-001");
        ProcessInstance instance = instance(id);
        found(id, new InventoryDifference("SKU-0002", 40, 30, new BigDecimal("19.99")), new InventoryDifference("SKU-0007", 5, 6, new BigDecimal("9.50")),
                new InventoryDifference("SKU-0009", 8, 7, new BigDecimal("250.00")));

        process.close(id);
        execute(job(instance));
        execute(job(instance));

        assertThat(instance).isWaitingAt("Activity_InvestigateShrink").hasPassed("Activity_PostDifferences");
        assertThat(task(instance)).hasCandidateGroup("store-manager").hasCandidateGroup("operator")
                .hasFormKey("embedded:/camunda/forms/investigate-shrink.html");
        // the form lists the missing articles, most value first; an article found in surplus is not shrink
        assertThat(instance).variables().extractingByKey(CycleCountSteps.SHRINK_ARTICLES).asString()
                .contains("\"sku\":\"SKU-0009\"", "\"missingValue\":\"250.00\"", "\"ledger\":40", "\"counted\":30")
                .doesNotContain("SKU-0007")
                .satisfies(json -> assertThat(json.indexOf("SKU-0009")).isLessThan(json.indexOf("SKU-0002")));
        verify(counts).post(id);
        complete(task(instance), withVariables("shrinkCause", "THEFT", "shrinkNote", ""));
        assertThat(instance).isEnded().hasPassed("EndEvent_ShrinkInvestigated");
    }

    @Test
    void aCountNobodyClosesClosesItselfWhenTheScanTimeIsOver() {
        UUID id = process.start("STORE-002");
        ProcessInstance instance = instance(id);
        found(id);

        Job timer = engine.getProcessEngine().getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(Duration.between(Instant.now(), timer.getDuedate().toInstant())).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
        execute(timer);
        execute(job(instance));
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Event_ScanTimeOver", "Activity_PostDifferences", "EndEvent_StockCorrected");
    }

    @Test
    void aStoreThatCannotCountStartsNoProcess() {
        doThrow(new CountNotPossibleException("store STORE-001 has a count open already")).when(counts).open(any(), any());

        assertThatThrownBy(() -> process.start("STORE-001")).hasRootCauseInstanceOf(CountNotPossibleException.class);
        assertThat(engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery().count()).isZero();
        verify(counts, never()).post(any());
    }

    private void found(UUID id, InventoryDifference... differences) {
        List<InventoryDifference> list = List.of(differences);
        when(counts.close(id)).thenReturn(new StockCount(id, "STORE-001", "CLOSED", Instant.now(), Instant.now(), 42, list,
                org.retailhub.domain.stockcount.CountComparison.shrinkValue(list)));
    }

    private ProcessInstance instance(UUID id) {
        return engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).singleResult();
    }
}
