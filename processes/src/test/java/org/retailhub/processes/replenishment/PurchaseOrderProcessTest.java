package org.retailhub.processes.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
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
import org.retailhub.domain.fulfilment.ErpUnavailableException;
import org.retailhub.domain.replenishment.ErpPurchasing;
import org.retailhub.domain.replenishment.ErpPurchasing.ErpAnswer;
import org.retailhub.domain.replenishment.PurchaseOrder;
import org.retailhub.domain.replenishment.PurchaseOrderBook;
import org.retailhub.domain.replenishment.PurchaseOrderStatus;
import org.retailhub.domain.shared.Money;

/**
 * The purchase order model path by path: accepted and received in two parts, cancelled by the ERP, refused and sent
 * again or dropped, late and waited for or closed short, and an ERP that cannot be reached.
 */
@Deployment(resources = "bpmn/replenishment/purchase-order.bpmn")
class PurchaseOrderProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    static final String PO = "PO-STORE-001-20261130-1-101";
    static final ReplenishmentProperties SETTINGS = new ReplenishmentProperties("0 0 6 * * ?", List.of("STORE-001"), new BigDecimal("500"),
            "EUR", 0.95, Map.of(), 730, ZoneId.of("Europe/Berlin"), Duration.ofDays(1));

    private final PurchaseOrderBook book = mock(PurchaseOrderBook.class);
    private final ErpPurchasing erp = mock(ErpPurchasing.class);
    private final ReplenishmentProcess updates = new ReplenishmentProcess(engine.getRuntimeService());

    @BeforeEach
    void wire() {
        AbstractAssertions.init(engine.getProcessEngine());
        Mocks.register("purchaseOrder", new PurchaseOrderSteps(book, erp, SETTINGS));
        when(book.get(PO)).thenReturn(order(PurchaseOrderStatus.PLACED));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    static PurchaseOrder order(PurchaseOrderStatus status) {
        return new PurchaseOrder(PO, "STORE-001", "0000000101", status, null, null, LocalDate.of(2026, 12, 3),
                List.of(new PurchaseOrder.Line(10, "SKU-0001", 24, 0, 0, Money.of("3.20", "EUR"))));
    }

    private ProcessInstance start() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ReplenishmentProcess.PURCHASE_ORDER_KEY, PO,
                Map.of(PurchaseOrderSteps.PO, PO));
        execute(job(instance));
        return instance;
    }

    @Test
    void anAcceptedOrderWaitsUntilEverythingArrivedInParts() {
        when(erp.place(any())).thenReturn(new ErpAnswer(true, "4500000001", "purchase order 4500000001 created"));
        when(book.settle(PO)).thenReturn(PurchaseOrderStatus.PARTLY_RECEIVED, PurchaseOrderStatus.RECEIVED);

        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Activity_WaitForReceipt").variables().containsEntry(PurchaseOrderSteps.ERP_NUMBER, "4500000001");
        verify(book).accepted(PO, "4500000001");

        updates.updated(PO);                                   // the first part arrived
        execute(job(instance));
        assertThat(instance).isWaitingAt("Activity_WaitForReceipt").variables().containsEntry(PurchaseOrderSteps.STATUS, "PARTLY_RECEIVED");
        updates.updated(PO);                                   // the rest
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_Settled").variables().containsEntry(PurchaseOrderSteps.STATUS, "RECEIVED");
        verify(book, times(2)).settle(PO);
    }

    @Test
    void anOrderTheErpCancelsEndsCancelledAndAWakeUpWithoutWaiterIsHarmless() {
        when(erp.place(any())).thenReturn(new ErpAnswer(true, "4500000002", "created"));
        when(book.settle(PO)).thenReturn(PurchaseOrderStatus.CANCELLED);

        updates.updated(PO);                                   // nobody waits yet: nothing happens, nothing fails
        ProcessInstance instance = start();
        updates.updated(PO);
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_Settled").variables().containsEntry(PurchaseOrderSteps.STATUS, "CANCELLED");
    }

    @Test
    void aRefusalShowsTheBuyerTheErpsReasonAndIsSentAgainWhenPutRight() {
        when(erp.place(any())).thenReturn(new ErpAnswer(false, null, "vendor 0000000101 is blocked for purchasing"),
                new ErpAnswer(true, "4500000003", "created"));
        when(book.settle(PO)).thenReturn(PurchaseOrderStatus.RECEIVED);

        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Activity_SeeRefusal");
        assertThat(task(instance)).hasCandidateGroup("operator");
        Map<String, Object> form = engine.getFormService().getTaskFormVariables(task(instance).getId());
        assertThat(form).containsEntry(PurchaseOrderSteps.REASON, "vendor 0000000101 is blocked for purchasing").containsEntry(PurchaseOrderSteps.PO, PO);
        verify(book).refused(PO, "vendor 0000000101 is blocked for purchasing");

        when(book.get(PO)).thenReturn(order(PurchaseOrderStatus.REFUSED));
        complete(task(instance), withVariables("sendAgain", true));
        execute(job(instance));

        assertThat(instance).isWaitingAt("Activity_WaitForReceipt");
        verify(book).placedAgain(PO);
        verify(book).accepted(PO, "4500000003");
    }

    @Test
    void aRefusedOrderTheBuyerDropsEndsDropped() {
        when(erp.place(any())).thenReturn(new ErpAnswer(false, null, "material 000000000000100001 is not listed for plant 1001"));

        ProcessInstance instance = start();
        complete(task(instance), withVariables("sendAgain", false));

        assertThat(instance).isEnded().hasPassed("Activity_DropOrder", "EndEvent_Dropped");
        verify(book).dropped(PO);
    }

    @Test
    void aLateDeliveryGoesToTheBuyerWhoWaitsLongerAndTheOrderIsBookedAgain() {
        when(erp.place(any())).thenReturn(new ErpAnswer(true, "4500000004", "created"));
        when(book.settle(PO)).thenReturn(PurchaseOrderStatus.PARTLY_RECEIVED, PurchaseOrderStatus.RECEIVED);

        ProcessInstance instance = start();
        Job late = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        // due on 3 December, late from the start of that day in Berlin plus one day
        assertThat(late.getDuedate()).isEqualTo(Date.from(LocalDate.of(2026, 12, 4).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant()));
        engine.getManagementService().executeJob(late.getId());
        assertThat(instance).isWaitingAt("Activity_ChaseDelivery");

        complete(task(instance), withVariables("keepWaiting", true, "extraDays", 3L));
        verify(book).postpone(PO, 3);
        execute(job(instance));                                // what arrived meanwhile is booked before waiting again
        assertThat(instance).isWaitingAt("Activity_WaitForReceipt");
        updates.updated(PO);
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Activity_Postpone", "EndEvent_Settled");
    }

    @Test
    void aLateDeliveryTheBuyerGivesUpOnIsCancelledAtTheErpAndClosedShort() {
        when(erp.place(any())).thenReturn(new ErpAnswer(true, "4500000005", "created"));
        when(erp.cancelOpen(any())).thenReturn(new ErpAnswer(true, "4500000005", "open items of 4500000005 deleted"));

        ProcessInstance instance = start();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().timers().singleResult().getId());
        complete(task(instance), withVariables("keepWaiting", false));
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Activity_CancelRest", "EndEvent_ClosedShort").variables()
                .containsEntry(PurchaseOrderSteps.STATUS, "CLOSED_SHORT");
        verify(book).closeShort(PO);
        verify(book, never()).settle(PO);
    }

    @Test
    void anErpThatCannotBeReachedLeavesTheOrderToTheEngineToRetry() {
        when(erp.place(any())).thenThrow(new ErpUnavailableException("erp-purchasing unavailable", null));
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ReplenishmentProcess.PURCHASE_ORDER_KEY, PO,
                Map.of(PurchaseOrderSteps.PO, PO));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> execute(job(instance))).hasMessageContaining("unavailable");

        assertThat(instance).isWaitingAt("Activity_SendToErp");
        assertThat(job(instance).getRetries()).isEqualTo(4);
        verify(book, never()).accepted(any(), any());
    }
}
