package org.retailhub.processes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.retailhub.domain.catalogue.Article;
import org.retailhub.domain.catalogue.Catalogue;
import org.retailhub.domain.fulfilment.FulfilmentAnswer;
import org.retailhub.domain.fulfilment.FulfilmentRequests;
import org.retailhub.domain.inventory.ReservationLedger;
import org.retailhub.domain.inventory.ReservationOutcome;
import org.retailhub.domain.inventory.StockRequest;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;
import org.retailhub.domain.order.Order;
import org.retailhub.domain.order.OrderJournal;
import org.retailhub.domain.order.OrderLine;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.payment.GiftCards;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.shared.Money;
import org.retailhub.domain.pricing.PricedLine;
import org.retailhub.processes.payment.InMemoryPayments;
import org.retailhub.processes.payment.PaymentProcess;
import org.retailhub.processes.payment.PaymentSteps;
import org.retailhub.processes.pricing.DmnPromotionTable;

/** Drives the order-fulfilment model path by path; the steps run for real against test doubles of the ledger and repositories. */
@Deployment(resources = {"bpmn/order/order-fulfilment.bpmn", "bpmn/order/order-pricing.dmn", "bpmn/payment/payment.bpmn"})
class OrderFulfilmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private final UUID orderId = UUID.randomUUID();
    private final OrderRepository orders = mock(OrderRepository.class);
    private final OrderJournal journal = mock(OrderJournal.class);
    private final Catalogue catalogue = mock(Catalogue.class);
    private final ReservationLedger ledger = mock(ReservationLedger.class);
    private final PaymentProvider provider = mock(PaymentProvider.class);
    private final InMemoryPayments payments = new InMemoryPayments();
    private final FulfilmentRequests fulfilment = mock(FulfilmentRequests.class);
    private OrderFulfilmentProcess process;
    private PaymentProcess paymentProcess;

    @BeforeEach
    void wireSteps() {
        ProcessEngine processEngine = engine.getProcessEngine();
        AbstractAssertions.init(processEngine);
        Mocks.register("orderFulfilment", new OrderFulfilmentSteps(orders, journal, catalogue, ledger,
                new DmnPromotionTable(processEngine.getDecisionService()), payments.repository(), fulfilment));
        when(fulfilment.request(any(), any())).thenReturn(new FulfilmentAnswer(true, "8012345678", null));
        Mocks.register("payment", new PaymentSteps(payments.repository(), provider, mock(GiftCards.class)));
        process = new OrderFulfilmentProcess(processEngine.getRuntimeService(),
                new OrderProperties(Duration.ofMinutes(15), "EUR", Duration.ofDays(7), null));
        paymentProcess = new PaymentProcess(processEngine.getRuntimeService());
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.AUTHORISED, null));
        when(provider.capture(any(), any())).thenReturn(answer(PaymentStatus.CAPTURED, null));
        when(provider.voidAuthorisation(any(), any())).thenReturn(answer(PaymentStatus.VOIDED, null));
        when(catalogue.articles(any())).thenReturn(Map.of(
                "SKU-0002", new Article("SKU-0002", "T-shirt", "APPAREL", Money.of("20.00", "EUR"), true),
                "SKU-0005", new Article("SKU-0005", "Blocks", "TOYS", Money.of("9.99", "EUR"), true)));
        when(orders.get(orderId)).thenReturn(order(OrderStatus.RECEIVED, false, null));
        when(journal.change(any(), any(), any())).thenReturn(true);
    }

    @AfterEach
    void clearMocks() {
        Mocks.reset();
    }

    @Test
    void authorisedOrderIsCapturedThenCommitsItsStock() {
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        ProcessInstance instance = startAndRunJobs();

        assertThat(instance).isEnded().hasPassed("Activity_TakePayment", "Activity_CapturePayment", "Activity_CommitStock", "Activity_MarkPaid")
                .hasNotPassed("Activity_ReleaseStockAfterDecline");
        assertThat(payments.ofOrder(orderId).amount()).isEqualTo(Money.of("51.49", "EUR"));
        assertThat(payments.ofOrder(orderId).status()).isEqualTo(PaymentStatus.CAPTURED);
        verify(provider).capture(any(), eq(payments.ofOrder(orderId).id() + ":capture"));
        verify(ledger).commit(orderId);
        verify(journal).change(orderId, OrderStatus.PAID, null);
    }

    @Test
    void pricingAppliesCategoryMultiBuyAndLoyaltyPromotionsExactly() {
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        startAndRunJobs();

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<PricedLine>> priced = ArgumentCaptor.forClass(List.class);
        ArgumentCaptor<Money> total = ArgumentCaptor.forClass(Money.class);
        verify(orders).savePricing(eq(orderId), priced.capture(), total.capture());
        // line 1: 3 x 20.00 APPAREL for a GOLD member: 10 % category + 15 % multi-buy + 5 % loyalty = 18.00 off 60.00
        PricedLine apparel = priced.getValue().get(0);
        assertThat(apparel.promotions()).extracting(p -> p.code())
                .containsExactly("CATEGORY-APPAREL-10", "MULTIBUY-3", "LOYALTY-GOLD");
        assertThat(apparel.total()).isEqualTo(Money.of("42.00", "EUR"));
        // line 2: 1 x 9.99 TOYS: 5 % loyalty only (0.4995 rounds half-even to 0.50)
        assertThat(priced.getValue().get(1).total()).isEqualTo(Money.of("9.49", "EUR"));
        assertThat(total.getValue()).isEqualTo(Money.of("51.49", "EUR"));
    }

    @Test
    void outOfStockOrderIsRejectedWithTheReason() {
        stockFor(List.of(), List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)));
        ProcessInstance instance = startAndRunJobs();

        assertThat(instance).isEnded().hasPassed("Activity_RejectOrder").hasNotPassed("Activity_PriceOrder");
        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(journal).change(eq(orderId), eq(OrderStatus.REJECTED), reason.capture());
        assertThat(reason.getValue()).contains("out of stock").contains("SKU-0002");
        verify(provider, never()).authorise(any(), any());
    }

    @Test
    void partialOrderGoesOnWithTheLinesInStock() {
        when(orders.get(orderId)).thenReturn(order(OrderStatus.RECEIVED, true, null));
        stockFor(List.of(line(2, "SKU-0005", 1)), List.of(line(1, "SKU-0002", 3)));
        ProcessInstance instance = startAndRunJobs();

        assertThat(instance).isEnded().hasPassed("Activity_ConfirmOrder", "Activity_MarkPaid");
        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(journal).change(eq(orderId), eq(OrderStatus.CONFIRMED), reason.capture());
        assertThat(reason.getValue()).startsWith("partially confirmed").contains("SKU-0002");
    }

    @Test
    void orderForAnArticleNoLongerSoldIsRejectedBeforeReserving() {
        when(catalogue.articles(any())).thenReturn(Map.of(
                "SKU-0002", new Article("SKU-0002", "T-shirt", "APPAREL", Money.of("20.00", "EUR"), false),
                "SKU-0005", new Article("SKU-0005", "Blocks", "TOYS", Money.of("9.99", "EUR"), true)));
        ProcessInstance instance = startAndRunJobs();

        assertThat(instance).isEnded().hasPassed("Activity_RejectOrder").hasNotPassed("Activity_ReserveStock");
        verify(journal).change(eq(orderId), eq(OrderStatus.REJECTED), eq("articles no longer sold: [SKU-0002]"));
    }

    @Test
    void declinedPaymentReleasesStockAndRejectsWithTheReason() {
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.DECLINED, "card expired"));
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        ProcessInstance instance = startAndRunJobs();

        assertThat(instance).isEnded().hasPassed("Activity_ReleaseStockAfterDecline", "Activity_RejectOrder");
        verify(ledger).release(orderId);
        verify(ledger, never()).commit(any());
        verify(journal).change(orderId, OrderStatus.REJECTED, "payment declined: card expired");
    }

    @Test
    void fulfilmentTheErpRejectsAfterCaptureRefundsReturnsStockAndCancels() {
        when(fulfilment.request(any(), any())).thenReturn(new FulfilmentAnswer(false, null, "plant STORE-001 blocked for deliveries"));
        when(provider.refund(any(), any(), any())).thenReturn(answer(PaymentStatus.REFUNDED, null));
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        ProcessInstance instance = startAndRunJobs();

        assertThat(instance).isEnded().hasPassed("Activity_CapturePayment", "Activity_CommitStock", "Activity_RequestFulfilment",
                "Activity_RefundAfterFailedFulfilment", "Activity_ReturnStock", "Activity_CancelOrderAfterFailedFulfilment")
                .hasNotPassed("Activity_MarkPaid");
        verify(provider).refund(any(), eq(Money.of("51.49", "EUR")), eq(payments.ofOrder(orderId).id() + ":refund-all"));
        verify(ledger).returnCommitted(orderId);
        assertThat(payments.ofOrder(orderId).status()).isEqualTo(PaymentStatus.REFUNDED);
        verify(journal).change(orderId, OrderStatus.CANCELLED,
                "fulfilment rejected by the ERP: plant STORE-001 blocked for deliveries; payment refunded");
        verify(fulfilment).request(any(), eq(orderId + ":deliver"));
    }

    @Test
    void refusedCaptureVoidsTheAuthorisationReleasesStockAndRejects() {
        when(provider.capture(any(), any())).thenReturn(answer(PaymentStatus.DECLINED, "capture refused by issuer"));
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        ProcessInstance instance = startAndRunJobs();

        assertThat(instance).isEnded().hasPassed("Event_CaptureRefused", "Activity_ReleaseStockAfterDecline", "Activity_RejectOrder")
                .hasNotPassed("Activity_CommitStock");
        verify(provider).voidAuthorisation(any(), any());
        verify(ledger).release(orderId);
        verify(journal).change(orderId, OrderStatus.REJECTED, "payment capture refused: capture refused by issuer");
    }

    @Test
    void paymentTimeoutReleasesStockAndCancels() {
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.PENDING, null));
        when(provider.status(any())).thenReturn(answer(PaymentStatus.PENDING, null));
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        ProcessInstance instance = startAndRunJobs();
        ProcessInstance payment = paymentInstance();

        assertThat(payment).isWaitingAt("Gateway_AwaitProvider");
        assertThat(job("Event_ProviderSilent").getDuedate()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        execute(job("Event_ProviderSilent"));

        assertThat(instance).isEnded().hasPassed("Activity_ReleaseStockAfterTimeout", "Activity_CancelOrderAfterTimeout");
        verify(provider).voidAuthorisation(any(), any());
        verify(ledger).release(orderId);
        verify(journal).change(orderId, OrderStatus.CANCELLED, "no payment outcome within the payment timeout");
    }

    @Test
    void cancelWhileWaitingForThePaymentVoidsItAndReleasesStock() {
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.PENDING, null));
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        ProcessInstance instance = startAndRunJobs();
        assertThat(paymentInstance()).isWaitingAt("Gateway_AwaitProvider");

        assertThat(process.cancel(orderId, "customer changed their mind")).isTrue();

        assertThat(instance).isEnded().hasPassed("Activity_VoidPaymentOnCancel", "Activity_ReleaseStockOnCancel", "Activity_CancelOrderOnRequest");
        verify(provider).voidAuthorisation(any(), any());
        verify(ledger).release(orderId);
        verify(journal).change(orderId, OrderStatus.CANCELLED, "customer changed their mind");
        assertThat(paymentProcess.providerAnswered(payments.ofOrder(orderId).id())).as("a late webhook finds no payment waiting").isFalse();
    }

    @Test
    void cancelWhileTheAuthorisationIsOnItsWayCancelsByReferenceAtTheProvider() {
        when(provider.cancelByReference(any(), any())).thenReturn(answer(PaymentStatus.VOIDED, "cancelled before authorisation"));
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        process.start(orderId);
        var management = engine.getProcessEngine().getManagementService();
        management.executeJob(management.createJobQuery().activityId("Activity_ValidateOrder").singleResult().getId());
        // the authorise step is a job that has not finished: the provider may or may not have the request
        assertThat(paymentInstance()).isWaitingAt("Activity_AuthorisePayment");

        assertThat(process.cancel(orderId, "customer changed their mind")).isTrue();

        verify(provider).cancelByReference(any(), eq(payments.ofOrder(orderId).id() + ":cancel"));
        verify(provider, never()).voidAuthorisation(any(), any());
        assertThat(payments.ofOrder(orderId).status()).isEqualTo(PaymentStatus.VOIDED);
        verify(ledger).release(orderId);
        verify(journal).change(orderId, OrderStatus.CANCELLED, "customer changed their mind");
    }

    @Test
    void cancelBeforeProcessingEndsTheOrderWithoutReserving() {
        process.start(orderId);
        ProcessInstance instance = engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(orderId.toString()).singleResult();
        assertThat(instance).isWaitingAt("Activity_ValidateOrder");

        assertThat(process.cancel(orderId, "duplicate basket")).isTrue();
        verify(provider, never()).voidAuthorisation(any(), any());

        assertThat(instance).isEnded().hasNotPassed("Activity_ReserveStock");
        verify(ledger, never()).reserve(any(), anyString(), anyList(), anyBoolean());
        verify(journal).change(orderId, OrderStatus.CANCELLED, "duplicate basket");
    }

    @Test
    void cancelAfterTheOrderFinishedIsRefused() {
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        startAndRunJobs();

        assertThat(process.cancel(orderId, "too late")).isFalse();
    }

    /** Starts the order and runs every job that is due now (not timers), as the job executor would. */
    private ProcessInstance startAndRunJobs() {
        process.start(orderId);
        ProcessInstance instance = engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(orderId.toString()).processDefinitionKey(OrderFulfilmentProcess.PROCESS_KEY).singleResult();
        assertThat(instance).isWaitingAt("Activity_ValidateOrder");
        var management = engine.getProcessEngine().getManagementService();
        for (var due = management.createJobQuery().executable().list(); !due.isEmpty(); due = management.createJobQuery().executable().list()) {
            due.forEach(j -> management.executeJob(j.getId()));
        }
        return instance;
    }

    private ProcessInstance paymentInstance() {
        ProcessInstance payment = engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PaymentProcess.PROCESS_KEY).singleResult();
        assertThat(payment).isNotNull();
        return payment;
    }

    private static ProviderAnswer answer(PaymentStatus status, String reason) {
        return new ProviderAnswer("psp_1", status, reason, null);
    }

    private void stockFor(List<StockRequest> reserved, List<StockRequest> unavailable) {
        when(ledger.reserve(eq(orderId), eq("STORE-001"), anyList(), anyBoolean()))
                .thenReturn(new ReservationOutcome(reserved, unavailable));
        // after reservation the steps re-read the order: reserved lines carry their reserved quantity
        Order before = orders.get(orderId);
        List<OrderLine> after = before.lines().stream().map(l -> new OrderLine(l.lineNo(), l.sku(), l.quantity(),
                reserved.stream().anyMatch(r -> r.lineNo() == l.lineNo()) ? l.quantity() : 0, null, null, null)).toList();
        Order reservedOrder = new Order(before.id(), before.channel(), before.externalId(), before.storeId(), before.loyaltyTier(),
                before.allowPartial(), PaymentMethod.CARD, OrderStatus.RECEIVED, "RH-00000001", null, Money.of("51.49", "EUR"), after,
                List.of(), List.of(), Instant.now());
        when(orders.get(orderId)).thenReturn(before, reservedOrder);
    }

    private static StockRequest line(int lineNo, String sku, int quantity) {
        return new StockRequest(lineNo, sku, quantity);
    }

    private Order order(OrderStatus status, boolean allowPartial, String number) {
        return new Order(orderId, Channel.WEB, "W-1", "STORE-001", LoyaltyTier.GOLD, allowPartial, PaymentMethod.CARD, status, number, null, null,
                List.of(new OrderLine(1, "SKU-0002", 3, null, null, null, null),
                        new OrderLine(2, "SKU-0005", 1, null, null, null, null)),
                List.of(), List.of(), Instant.now());
    }
}
