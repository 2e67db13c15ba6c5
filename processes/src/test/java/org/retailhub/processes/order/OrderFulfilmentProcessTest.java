package org.retailhub.processes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.retailhub.processes.order.OrderFixture.line;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.retailhub.domain.catalogue.Article;
import org.retailhub.domain.fulfilment.ErpUnavailableException;
import org.retailhub.domain.fulfilment.FulfilmentAnswer;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.pricing.PricedLine;
import org.retailhub.domain.shared.Money;

/**
 * Drives the order-fulfilment model path by path with its own steps only (the hand-over to the ERP among them, against
 * a stand-in ERP): the models it calls (payment, payment-reversal) are stand-ins that wait until the test gives their
 * answer, so each path states what the order does with every answer. The real models together: {@link OrderWithCalledModelsTest}.
 */
class OrderFulfilmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private OrderFixture order;

    @BeforeEach
    void deployWithStandIns() {
        order = new OrderFixture(engine.getProcessEngine());
        order.deploy(engine.getProcessEngine().getRepositoryService().createDeployment()
                .addModelInstance("payment.bpmn", standIn("payment", "Activity_Paying"))
                .addModelInstance("payment-reversal.bpmn", Bpmn.createExecutableProcess("payment-reversal").camundaHistoryTimeToLive(1)
                        .startEvent().endEvent().done()));
    }

    @AfterEach
    void undeploy() {
        order.close();
    }

    @Test
    void capturedPaymentCommitsTheStockAndTheErpDeliveryMarksTheOrderPaid() {
        order.allInStock();
        ProcessInstance instance = order.startAndRunJobs();
        // the method is passed too, transient: the payment's first gateway reads it as it starts (OrderWithCalledModelsTest)
        assertThat(order.called("payment")).as("the payment keeps the order's id for operators and its payment's id").variables()
                .containsOnlyKeys("orderId", "paymentId")
                .containsEntry("orderId", order.orderId.toString()).containsEntry("paymentId", paymentId());
        verify(order.journal).change(order.orderId, OrderStatus.AWAITING_PAYMENT, null);

        paymentEnds("CAPTURED", null);

        verify(order.ledger).commit(order.orderId);
        verify(order.erp).request(any(), eq(order.orderId + ":deliver"));
        verify(order.orders).recordDelivery(order.orderId, OrderFixture.DELIVERY_ID);
        assertThat(instance).isEnded().hasPassed("Activity_TakePayment", "Activity_CommitStock", "Activity_RequestFulfilment",
                "Activity_MarkPaid", "EndEvent_OrderPaid");
        assertThat(order.payments.ofOrder(order.orderId).amount()).isEqualTo(Money.of("51.49", "EUR"));
        verify(order.journal).change(order.orderId, OrderStatus.PAID, null);
        assertThat(reversals()).isEmpty();
    }

    @Test
    void pricingAppliesCategoryMultiBuyAndLoyaltyPromotionsExactly() {
        order.allInStock();
        order.startAndRunJobs();

        Pricing pricing = savedPricing();
        // line 1: 3 x 20.00 APPAREL for a GOLD member: 10 % category + 15 % multi-buy + 5 % loyalty = 18.00 off 60.00
        PricedLine apparel = pricing.lines().get(0);
        assertThat(apparel.promotions()).extracting(p -> p.code())
                .containsExactly("CATEGORY-APPAREL-10", "MULTIBUY-3", "LOYALTY-GOLD");
        assertThat(apparel.total()).isEqualTo(Money.of("42.00", "EUR"));
        // line 2: 1 x 9.99 TOYS: 5 % loyalty only (0.4995 rounds half-even to 0.50)
        assertThat(pricing.lines().get(1).total()).isEqualTo(Money.of("9.49", "EUR"));
        assertThat(pricing.total()).isEqualTo(Money.of("51.49", "EUR"));
    }

    @Test
    void theCouponTheCustomerEnteredTakesItsShareOffEveryLine() {
        when(order.orders.couponCode(order.orderId)).thenReturn("WELCOME10");
        order.allInStock();
        order.startAndRunJobs();

        Pricing pricing = savedPricing();
        // line 1: the three promotions above plus 10 % coupon = 24.00 off 60.00; line 2: 0.50 loyalty + 1.00 coupon (0.999)
        assertThat(pricing.lines().get(0).promotions()).extracting(p -> p.code())
                .containsExactly("CATEGORY-APPAREL-10", "MULTIBUY-3", "LOYALTY-GOLD", "COUPON-WELCOME10");
        assertThat(pricing.lines().get(0).total()).isEqualTo(Money.of("36.00", "EUR"));
        assertThat(pricing.lines().get(1).total()).isEqualTo(Money.of("8.49", "EUR"));
        assertThat(pricing.total()).isEqualTo(Money.of("44.49", "EUR"));
    }

    @Test
    void outOfStockOrderIsRejectedWithTheReason() {
        order.stockFor(List.of(), List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)));
        ProcessInstance instance = order.startAndRunJobs();

        assertThat(instance).isEnded().hasPassed("Activity_RejectOrder").hasNotPassed("Activity_PriceOrder", "Activity_TakePayment");
        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(order.journal).change(eq(order.orderId), eq(OrderStatus.REJECTED), reason.capture());
        assertThat(reason.getValue()).contains("out of stock").contains("SKU-0002");
    }

    @Test
    void partialOrderGoesOnWithTheLinesInStock() {
        when(order.orders.withLinesOnly(order.orderId)).thenReturn(order.order(true));
        order.stockFor(List.of(line(2, "SKU-0005", 1)), List.of(line(1, "SKU-0002", 3)));
        ProcessInstance instance = order.startAndRunJobs();
        paymentEnds("CAPTURED", null);

        assertThat(instance).isEnded().hasPassed("Activity_ConfirmOrder", "Activity_MarkPaid");
        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(order.journal).change(eq(order.orderId), eq(OrderStatus.CONFIRMED), reason.capture());
        assertThat(reason.getValue()).startsWith("partially confirmed").contains("SKU-0002");
    }

    @Test
    void orderForAnArticleNoLongerSoldIsRejectedBeforeReserving() {
        when(order.catalogue.articles(any())).thenReturn(Map.of(
                "SKU-0002", new Article("SKU-0002", "T-shirt", "APPAREL", Money.of("20.00", "EUR"), false),
                "SKU-0005", new Article("SKU-0005", "Blocks", "TOYS", Money.of("9.99", "EUR"), true)));
        ProcessInstance instance = order.startAndRunJobs();

        assertThat(instance).isEnded().hasPassed("Activity_RejectOrder").hasNotPassed("Activity_ReserveStock");
        verify(order.journal).change(eq(order.orderId), eq(OrderStatus.REJECTED), eq("articles no longer sold: [SKU-0002]"));
    }

    @Test
    void declinedPaymentReleasesStockAndRejectsWithThePaymentsReason() {
        order.allInStock();
        ProcessInstance instance = order.startAndRunJobs();

        paymentEnds("DECLINED", "payment declined: card expired");

        assertThat(instance).isEnded().hasPassed("Activity_ReleaseStockAfterDecline", "Activity_RejectOrder");
        verify(order.ledger).release(order.orderId);
        verify(order.ledger, never()).commit(any());
        verify(order.journal).change(order.orderId, OrderStatus.REJECTED, "payment declined: card expired");
    }

    @Test
    void paymentWithoutOutcomeReleasesStockAndCancels() {
        order.allInStock();
        ProcessInstance instance = order.startAndRunJobs();

        paymentEnds("TIMED_OUT", "no payment outcome within the payment timeout");

        assertThat(instance).isEnded().hasPassed("Activity_ReleaseStockAfterTimeout", "Activity_CancelOrderAfterTimeout");
        verify(order.ledger).release(order.orderId);
        verify(order.journal).change(order.orderId, OrderStatus.CANCELLED, "no payment outcome within the payment timeout");
    }

    @Test
    void deliveryTheErpRefusesGivesThePaymentBackReturnsTheStockAndCancels() {
        order.allInStock();
        when(order.erp.request(any(), any())).thenReturn(new FulfilmentAnswer(false, null, "plant STORE-001 blocked for deliveries"));
        ProcessInstance instance = order.startAndRunJobs();

        paymentEnds("CAPTURED", null);

        assertThat(instance).isEnded().hasPassed("Activity_CommitStock", "Activity_RequestFulfilment", "Activity_RefundAfterFailedFulfilment",
                "Activity_ReturnStock", "Activity_CancelOrderAfterFailedFulfilment").hasNotPassed("Activity_MarkPaid");
        verify(order.orders, never()).recordDelivery(any(), any());
        assertThat(reversals()).as("the payment-reversal model refunds the payment").containsExactly(paymentId());
        verify(order.ledger).returnCommitted(order.orderId);
        verify(order.journal).change(order.orderId, OrderStatus.CANCELLED,
                "fulfilment rejected by the ERP: plant STORE-001 blocked for deliveries; payment refunded");
    }

    @Test
    void cancelWhileThePaymentRunsEndsItGivesTheMoneyBackAndReleasesStock() {
        order.allInStock();
        ProcessInstance instance = order.startAndRunJobs();
        assertThat(order.called("payment")).isWaitingAt("Activity_Paying");

        assertThat(order.process.cancel(order.orderId, "customer changed their mind")).isTrue();

        assertThat(instance).isEnded().hasPassed("Activity_VoidPaymentOnCancel", "Activity_ReleaseStockOnCancel", "Activity_CancelOrderOnRequest");
        assertThat(order.called("payment")).as("the payment stops where it was").isNull();
        assertThat(reversals()).containsExactly(paymentId());
        verify(order.ledger).release(order.orderId);
        verify(order.journal).change(order.orderId, OrderStatus.CANCELLED, "customer changed their mind");
    }

    /** The ERP answers 503 three times (R3/PT10S): an incident on the order's hand-over; Cockpit's retry delivers once. */
    @Test
    void unreachableErpBecomesAnIncidentOnTheOrderAndTheRetryKeepsTheIdempotencyKey() {
        when(order.erp.request(any(), any())).thenThrow(new ErpUnavailableException("HTTP 503", null));
        order.allInStock();
        ProcessInstance instance = order.startAndRunJobs();
        signalPayment("CAPTURED", null);
        var management = engine.getProcessEngine().getManagementService();
        String handOver = management.createJobQuery().processInstanceId(instance.getId()).activityId("Activity_RequestFulfilment")
                .singleResult().getId();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(handOver)).isInstanceOf(ProcessEngineException.class);
        }
        assertThat(engine.getProcessEngine().getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
                .activityId("Activity_RequestFulfilment").count()).as("an incident an operator sees on the order in Cockpit").isEqualTo(1);

        doReturn(new FulfilmentAnswer(true, OrderFixture.DELIVERY_ID, null)).when(order.erp).request(any(), any()); // the ERP is back
        management.setJobRetries(handOver, 1); // "Retry" in Cockpit
        management.executeJob(handOver);

        assertThat(instance).isEnded().hasPassed("Activity_MarkPaid", "EndEvent_OrderPaid");
        verify(order.erp, times(4)).request(any(), eq(order.orderId + ":deliver"));
        verify(order.orders).recordDelivery(order.orderId, OrderFixture.DELIVERY_ID);
    }

    @Test
    void cancelWhileTheErpHandOverIsDueGivesTheCapturedMoneyBackAndReturnsTheStock() {
        order.allInStock();
        ProcessInstance instance = order.startAndRunJobs();
        signalPayment("CAPTURED", null);
        assertThat(instance).isWaitingAt("Activity_RequestFulfilment");

        assertThat(order.process.cancel(order.orderId, "customer changed their mind")).isTrue();

        assertThat(instance).isEnded().hasPassed("Activity_VoidPaymentOnCancel", "Activity_ReleaseStockOnCancel")
                .hasNotPassed("Activity_MarkPaid");
        verify(order.erp, never()).request(any(), any());
        assertThat(reversals()).containsExactly(paymentId());
        verify(order.ledger).release(order.orderId);
        verify(order.ledger).returnCommitted(order.orderId);
        verify(order.journal).change(order.orderId, OrderStatus.CANCELLED, "customer changed their mind");
    }

    @Test
    void cancelBeforeProcessingEndsTheOrderWithoutReservingOrPaying() {
        order.process.start(order.orderId);
        ProcessInstance instance = order.instance();
        assertThat(instance).isWaitingAt("Activity_ValidateOrder");

        assertThat(order.process.cancel(order.orderId, "duplicate basket")).isTrue();

        assertThat(instance).isEnded().hasNotPassed("Activity_ReserveStock");
        assertThat(reversals()).as("the reversal finds no payment").containsExactly((String) null);
        verify(order.ledger, never()).reserve(any(), anyString(), anyList(), anyBoolean());
        verify(order.journal).change(order.orderId, OrderStatus.CANCELLED, "duplicate basket");
    }

    @Test
    void cancelAfterTheOrderFinishedIsRefused() {
        order.allInStock();
        order.startAndRunJobs();
        paymentEnds("CAPTURED", null);

        assertThat(order.process.cancel(order.orderId, "too late")).isFalse();
    }

    /** A stand-in for a called model: it waits at {@code waitId} until the test signals its answer. */
    private static BpmnModelInstance standIn(String key, String waitId) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().receiveTask(waitId).endEvent().done();
    }

    /** The payment model ends with the outcome, and the order runs on through its due jobs (the ERP hand-over among them). */
    private void paymentEnds(String outcome, String reason) {
        signalPayment(outcome, reason);
        order.runDueJobs();
    }

    /** The payment model ends with the outcome; the order stops at its next job. */
    private void signalPayment(String outcome, String reason) {
        var runtime = engine.getProcessEngine().getRuntimeService();
        String waiting = runtime.createExecutionQuery().processInstanceId(order.called("payment").getId()).activityId("Activity_Paying")
                .singleResult().getId();
        runtime.signal(waiting, Map.of("authorisation", outcome, "reason", reason == null ? "" : reason));
    }

    /** The payment id each payment-reversal instance of the order was called with. */
    private List<String> reversals() {
        var history = engine.getProcessEngine().getHistoryService();
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("payment-reversal")
                .processInstanceBusinessKey(order.orderId.toString()).list().stream()
                .map(HistoricProcessInstance::getId)
                .map(id -> history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("paymentId").singleResult())
                .map(v -> (String) v.getValue())
                .toList();
    }

    private String paymentId() {
        return order.payments.ofOrder(order.orderId).id().toString();
    }

    private record Pricing(List<PricedLine> lines, Money total) {
    }

    /** What the price step saved for the order. */
    private Pricing savedPricing() {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<PricedLine>> lines = ArgumentCaptor.forClass(List.class);
        ArgumentCaptor<Money> total = ArgumentCaptor.forClass(Money.class);
        verify(order.orders).savePricing(eq(order.orderId), lines.capture(), total.capture());
        return new Pricing(lines.getValue(), total.getValue());
    }
}
