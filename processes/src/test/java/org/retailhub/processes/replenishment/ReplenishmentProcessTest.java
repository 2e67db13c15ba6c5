package org.retailhub.processes.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.domain.replenishment.ErpPurchasing;
import org.retailhub.domain.replenishment.ErpPurchasing.ErpAnswer;
import org.retailhub.domain.replenishment.ProposedLine;
import org.retailhub.domain.replenishment.PurchaseOrderBook;
import org.retailhub.domain.replenishment.PurchaseOrderStatus;
import org.retailhub.domain.replenishment.ReorderRule;
import org.retailhub.domain.replenishment.ReplenishmentProcesses;
import org.retailhub.domain.replenishment.ReplenishmentRuns;
import org.retailhub.domain.shared.Money;

/**
 * The replenishment model path by path: the daily timer, a run with nothing to order, a run whose small lines are
 * approved at once and whose orders are followed to their goods receipts, the buyer's review on its form, and a
 * quantity the hub cannot take.
 */
@Deployment(resources = {"bpmn/replenishment/replenishment.bpmn", "bpmn/replenishment/purchase-order.bpmn"})
class ReplenishmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final String RUN = "RUN-STORE-001-20261130-1";

    private final ReplenishmentRuns runs = mock(ReplenishmentRuns.class);
    private final ReplenishmentProcesses starter = mock(ReplenishmentProcesses.class);
    private final AuditTrail trail = mock(AuditTrail.class);
    private final PurchaseOrderBook book = mock(PurchaseOrderBook.class);
    private final ErpPurchasing erp = mock(ErpPurchasing.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T05:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void wire() {
        AbstractAssertions.init(engine.getProcessEngine());
        ReplenishmentProperties settings = PurchaseOrderProcessTest.SETTINGS;
        Mocks.register("replenishment", new ReplenishmentSteps(runs, starter, settings, trail, clock));
        Mocks.register("replenishmentSchedule", new ReplenishmentSchedule(settings));
        Mocks.register("purchaseOrder", new PurchaseOrderSteps(book, erp, settings));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private static ProposedLine line(int no, String sku, int proposed) {
        return new ProposedLine(no, sku, "Headphones model " + no, "0000000101", proposed, 6, 0, Money.of("40.00", "EUR"),
                ReorderRule.BELOW_REORDER_POINT, "Forecast HOLT_WINTERS_ADDITIVE (MASE 0.81): 31.0 units over the 3.0-day lead time …");
    }

    private ProcessInstance start() {
        String id = new ReplenishmentProcess(engine.getRuntimeService()).startNow("STORE-001");
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
        execute(job(instance));
        return instance;
    }

    @Test
    void theDailyTimerStartsARunForEveryConfiguredStore() {
        Job timer = engine.getManagementService().createJobQuery().timers().singleResult();
        assertThat(timer).isNotNull();

        engine.getManagementService().executeJob(timer.getId());

        verify(starter).startNow("STORE-001");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_RunsStarted").count()).isEqualTo(1);
    }

    @Test
    void aRunWithNothingToOrderEndsWithoutTheBuyer() {
        when(runs.propose("STORE-001", TODAY)).thenReturn(new ReplenishmentRuns.Run(RUN, "STORE-001", TODAY, 50, 0, List.of()));
        when(runs.placeOrders(RUN, TODAY)).thenReturn(List.of());

        ProcessInstance instance = start();
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_NothingToOrder").hasNotPassed("Activity_ReviewProposal")
                .variables().containsEntry(ReplenishmentSteps.ARTICLES, 50);
    }

    @Test
    void smallLinesAreApprovedAtOnceAndEveryOrderIsFollowedUntilItsGoodsArrived() {
        when(runs.propose("STORE-001", TODAY)).thenReturn(new ReplenishmentRuns.Run(RUN, "STORE-001", TODAY, 50, 3, List.of()));
        when(runs.placeOrders(RUN, TODAY)).thenReturn(List.of("PO-A", "PO-B"));
        when(runs.ordersOf(RUN)).thenReturn(List.of("PO-A", "PO-B"));
        when(book.get(any())).thenReturn(PurchaseOrderProcessTest.order(PurchaseOrderStatus.PLACED));
        when(erp.place(any())).thenReturn(new ErpAnswer(true, "4500000001", "created"));
        when(book.settle(any())).thenReturn(PurchaseOrderStatus.RECEIVED);

        ProcessInstance run = start();
        assertThat(run).hasNotPassed("Activity_ReviewProposal");
        execute(job(run));                                    // place the orders
        execute(job(run));                                    // start following them
        List<ProcessInstance> orders = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ReplenishmentProcess.PURCHASE_ORDER_KEY).list();
        assertThat(orders).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder("PO-A", "PO-B");
        orders.forEach(order -> execute(job(order)));         // sent to the ERP
        assertThat(run).isWaitingAt("Activity_FollowOrders");

        ReplenishmentProcess process = new ReplenishmentProcess(engine.getRuntimeService());
        for (ProcessInstance order : orders) {
            process.updated(order.getBusinessKey());          // its goods receipt came through CDC
            execute(job(order));
        }

        assertThat(run).isEnded().hasPassed("EndEvent_Replenished").variables().containsEntry(ReplenishmentSteps.ORDERS, 2);
    }

    @Test
    void theBuyerReviewsTheLinesOnAFormThatListsThemAndDecidesPerLine() throws Exception {
        List<ProposedLine> waiting = List.of(line(1, "SKU-0001", 24), line(2, "SKU-0007", 36));
        when(runs.propose("STORE-001", TODAY)).thenReturn(new ReplenishmentRuns.Run(RUN, "STORE-001", TODAY, 50, 5, waiting));
        when(runs.awaitingBuyer(RUN)).thenReturn(waiting);
        when(runs.decide(eq(RUN), anyMap())).thenReturn(2);
        when(runs.placeOrders(RUN, TODAY)).thenReturn(List.of());

        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Activity_ReviewProposal");
        assertThat(task(instance)).hasCandidateGroup("operator").hasFormKey("embedded:/camunda/forms/replenishment-review.html");
        JsonNode second = new ObjectMapper().readTree((String) engine.getTaskService().getVariable(task(instance).getId(), "line_2"));
        assertThat(second.get("sku").asText()).isEqualTo("SKU-0007");
        assertThat(second.get("proposed").asInt()).isEqualTo(36);
        assertThat(second.get("value").asText()).isEqualTo("1440.00");
        assertThat(second.get("explanation").asText()).startsWith("Forecast HOLT_WINTERS_ADDITIVE");

        engine.getIdentityService().setAuthentication("buyer.jana", List.of("operator"));
        try {
            complete(task(instance), withVariables("approved_1", 0L, "approved_2", "30"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Activity_ApplyDecision", "EndEvent_NothingToOrder");
        verify(runs).decide(RUN, Map.of(1, 0, 2, 30));
        verify(trail).record(eq("buyer.jana"), eq("DecideProposal"), eq("ReplenishmentRun"), eq(RUN), any());
    }

    @Test
    void aQuantityThatIsNotANumberIsRefusedToTheBuyerAndTheTaskStays() {
        List<ProposedLine> waiting = List.of(line(1, "SKU-0001", 24));
        when(runs.propose("STORE-001", TODAY)).thenReturn(new ReplenishmentRuns.Run(RUN, "STORE-001", TODAY, 50, 0, waiting));
        when(runs.awaitingBuyer(RUN)).thenReturn(waiting);

        ProcessInstance instance = start();

        assertThatThrownBy(() -> complete(task(instance), withVariables("approved_1", "twelve")))
                .hasMessageContaining("line 1 (SKU-0001): 'twelve' is not a whole number of units");
        assertThat(instance).isWaitingAt("Activity_ReviewProposal");
        verify(runs, never()).decide(any(), any());
    }
}
