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
import org.retailhub.domain.inventory.ReservationLedger;
import org.retailhub.domain.inventory.ReservationOutcome;
import org.retailhub.domain.inventory.StockRequest;
import org.retailhub.domain.order.Channel;
import org.retailhub.domain.order.LoyaltyTier;
import org.retailhub.domain.order.Order;
import org.retailhub.domain.order.OrderJournal;
import org.retailhub.domain.order.OrderLine;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.payment.PaymentRequest;
import org.retailhub.domain.payment.PaymentRequests;
import org.retailhub.domain.pricing.Money;
import org.retailhub.domain.pricing.PricedLine;
import org.retailhub.processes.payment.PaymentCorrelation;
import org.retailhub.processes.pricing.DmnPromotionTable;

/** Drives the order-fulfilment model path by path; the steps run for real against test doubles of the ledger and repositories. */
@Deployment(resources = {"bpmn/order/order-fulfilment.bpmn", "bpmn/order/order-pricing.dmn"})
class OrderFulfilmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private final UUID orderId = UUID.randomUUID();
    private final OrderRepository orders = mock(OrderRepository.class);
    private final OrderJournal journal = mock(OrderJournal.class);
    private final Catalogue catalogue = mock(Catalogue.class);
    private final ReservationLedger ledger = mock(ReservationLedger.class);
    private final PaymentRequests payments = mock(PaymentRequests.class);
    private OrderFulfilmentProcess process;
    private PaymentCorrelation paymentOutcomes;

    @BeforeEach
    void wireSteps() {
        ProcessEngine processEngine = engine.getProcessEngine();
        AbstractAssertions.init(processEngine);
        Mocks.register("orderFulfilment", new OrderFulfilmentSteps(orders, journal, catalogue, ledger,
                new DmnPromotionTable(processEngine.getDecisionService()), payments));
        process = new OrderFulfilmentProcess(processEngine.getRuntimeService(), new OrderProperties(Duration.ofMinutes(15), "EUR"));
        paymentOutcomes = new PaymentCorrelation(processEngine.getRuntimeService());
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
    void paidOrderCommitsItsStock() {
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        ProcessInstance instance = startAndRunToPayment();

        assertThat(instance).isWaitingAt("Gateway_PaymentOutcome");
        ArgumentCaptor<PaymentRequest> request = ArgumentCaptor.forClass(PaymentRequest.class);
        verify(payments).request(request.capture());
        assertThat(request.getValue().orderId()).isEqualTo(orderId);

        assertThat(paymentOutcomes.approved(orderId, "PSP-42")).isTrue();

        assertThat(instance).isEnded().hasPassed("Activity_CommitStock", "Activity_MarkPaid").hasNotPassed("Activity_ReleaseStockAfterDecline");
        verify(ledger).commit(orderId);
        verify(journal).change(orderId, OrderStatus.PAID, "payment PSP-42");
    }

    @Test
    void pricingAppliesCategoryMultiBuyAndLoyaltyPromotionsExactly() {
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        startAndRunToPayment();

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
        ProcessInstance instance = startAndRunFirstStep();

        assertThat(instance).isEnded().hasPassed("Activity_RejectOrder").hasNotPassed("Activity_PriceOrder");
        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(journal).change(eq(orderId), eq(OrderStatus.REJECTED), reason.capture());
        assertThat(reason.getValue()).contains("out of stock").contains("SKU-0002");
        verify(payments, never()).request(any());
    }

    @Test
    void partialOrderGoesOnWithTheLinesInStock() {
        when(orders.get(orderId)).thenReturn(order(OrderStatus.RECEIVED, true, null));
        stockFor(List.of(line(2, "SKU-0005", 1)), List.of(line(1, "SKU-0002", 3)));
        ProcessInstance instance = startAndRunToPayment();

        assertThat(instance).isWaitingAt("Gateway_PaymentOutcome").hasPassed("Activity_ConfirmOrder");
        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(journal).change(eq(orderId), eq(OrderStatus.CONFIRMED), reason.capture());
        assertThat(reason.getValue()).startsWith("partially confirmed").contains("SKU-0002");
    }

    @Test
    void orderForAnArticleNoLongerSoldIsRejectedBeforeReserving() {
        when(catalogue.articles(any())).thenReturn(Map.of(
                "SKU-0002", new Article("SKU-0002", "T-shirt", "APPAREL", Money.of("20.00", "EUR"), false),
                "SKU-0005", new Article("SKU-0005", "Blocks", "TOYS", Money.of("9.99", "EUR"), true)));
        ProcessInstance instance = startAndRunFirstStep();

        assertThat(instance).isEnded().hasPassed("Activity_RejectOrder").hasNotPassed("Activity_ReserveStock");
        verify(journal).change(eq(orderId), eq(OrderStatus.REJECTED), eq("articles no longer sold: [SKU-0002]"));
    }

    @Test
    void declinedPaymentReleasesStockAndRejects() {
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        ProcessInstance instance = startAndRunToPayment();

        assertThat(paymentOutcomes.declined(orderId, "card expired")).isTrue();

        assertThat(instance).isEnded().hasPassed("Activity_ReleaseStockAfterDecline", "Activity_RejectOrder");
        verify(ledger).release(orderId);
        verify(ledger, never()).commit(any());
        verify(journal).change(orderId, OrderStatus.REJECTED, "payment declined: card expired");
    }

    @Test
    void paymentTimeoutReleasesStockAndCancels() {
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        ProcessInstance instance = startAndRunToPayment();

        assertThat(job("Event_PaymentTimeout").getDuedate()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        execute(job("Event_PaymentTimeout"));

        assertThat(instance).isEnded().hasPassed("Activity_ReleaseStockAfterTimeout", "Activity_CancelOrderAfterTimeout");
        verify(ledger).release(orderId);
        verify(journal).change(orderId, OrderStatus.CANCELLED, "no payment outcome within the payment timeout");
    }

    @Test
    void cancelWhileWaitingForPaymentReleasesStock() {
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        ProcessInstance instance = startAndRunToPayment();

        assertThat(process.cancel(orderId, "customer changed their mind")).isTrue();

        assertThat(instance).isEnded().hasPassed("Activity_ReleaseStockOnCancel", "Activity_CancelOrderOnRequest");
        verify(ledger).release(orderId);
        verify(journal).change(orderId, OrderStatus.CANCELLED, "customer changed their mind");
        assertThat(paymentOutcomes.approved(orderId, "late")).as("a late payment finds no order").isFalse();
    }

    @Test
    void cancelBeforeProcessingEndsTheOrderWithoutReserving() {
        process.start(orderId);
        ProcessInstance instance = engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(orderId.toString()).singleResult();
        assertThat(instance).isWaitingAt("Activity_ValidateOrder");

        assertThat(process.cancel(orderId, "duplicate basket")).isTrue();

        assertThat(instance).isEnded().hasNotPassed("Activity_ReserveStock");
        verify(ledger, never()).reserve(any(), anyString(), anyList(), anyBoolean());
        verify(journal).change(orderId, OrderStatus.CANCELLED, "duplicate basket");
    }

    @Test
    void cancelAfterTheOrderFinishedIsRefused() {
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
        startAndRunToPayment();
        paymentOutcomes.approved(orderId, "PSP-1");

        assertThat(process.cancel(orderId, "too late")).isFalse();
    }

    private ProcessInstance startAndRunFirstStep() {
        process.start(orderId);
        ProcessInstance instance = engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(orderId.toString()).singleResult();
        assertThat(instance).isWaitingAt("Activity_ValidateOrder");
        execute(job());
        return instance;
    }

    private ProcessInstance startAndRunToPayment() {
        ProcessInstance instance = startAndRunFirstStep();
        assertThat(instance).isWaitingAt("Gateway_PaymentOutcome");
        return instance;
    }

    private void stockFor(List<StockRequest> reserved, List<StockRequest> unavailable) {
        when(ledger.reserve(eq(orderId), eq("STORE-001"), anyList(), anyBoolean()))
                .thenReturn(new ReservationOutcome(reserved, unavailable));
        // after reservation the steps re-read the order: reserved lines carry their reserved quantity
        Order before = orders.get(orderId);
        List<OrderLine> after = before.lines().stream().map(l -> new OrderLine(l.lineNo(), l.sku(), l.quantity(),
                reserved.stream().anyMatch(r -> r.lineNo() == l.lineNo()) ? l.quantity() : 0, null, null, null)).toList();
        Order reservedOrder = new Order(before.id(), before.channel(), before.externalId(), before.storeId(), before.loyaltyTier(),
                before.allowPartial(), OrderStatus.RECEIVED, "RH-00000001", null, Money.of("51.49", "EUR"), after,
                List.of(), List.of(), Instant.now());
        when(orders.get(orderId)).thenReturn(before, reservedOrder);
    }

    private static StockRequest line(int lineNo, String sku, int quantity) {
        return new StockRequest(lineNo, sku, quantity);
    }

    private Order order(OrderStatus status, boolean allowPartial, String number) {
        return new Order(orderId, Channel.WEB, "W-1", "STORE-001", LoyaltyTier.GOLD, allowPartial, status, number, null, null,
                List.of(new OrderLine(1, "SKU-0002", 3, null, null, null, null),
                        new OrderLine(2, "SKU-0005", 1, null, null, null, null)),
                List.of(), List.of(), Instant.now());
    }
}
