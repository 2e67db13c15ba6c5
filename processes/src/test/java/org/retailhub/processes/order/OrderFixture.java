package org.retailhub.processes.order;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.retailhub.domain.catalogue.Article;
import org.retailhub.domain.catalogue.Catalogue;
import org.retailhub.domain.fulfilment.FulfilmentAnswer;
import org.retailhub.domain.fulfilment.FulfilmentRequests;
import org.retailhub.domain.inventory.ReservationLedger;
import org.retailhub.domain.inventory.ReservationOutcome;
import org.retailhub.domain.inventory.StockRequest;
import org.retailhub.domain.order.Order;
import org.retailhub.domain.order.OrderJournal;
import org.retailhub.domain.order.OrderLine;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;
import org.retailhub.domain.shared.Money;
import org.retailhub.processes.fulfilment.DeliverySteps;
import org.retailhub.processes.payment.InMemoryPayments;
import org.retailhub.processes.pricing.DmnPromotionTable;
import org.retailhub.processes.pricing.PricingProperties;

/**
 * One order (a GOLD web customer buying 3 T-shirts and a box of blocks, 51.49 EUR after promotions) and the order
 * model's steps wired to test doubles, for the tests that drive the order model. The ERP takes the delivery (number
 * {@value #DELIVERY_ID}) unless a test tells {@link #erp} otherwise.
 */
final class OrderFixture {

    final UUID orderId = UUID.randomUUID();
    final OrderRepository orders = mock(OrderRepository.class);
    final OrderJournal journal = mock(OrderJournal.class);
    final Catalogue catalogue = mock(Catalogue.class);
    final ReservationLedger ledger = mock(ReservationLedger.class);
    final InMemoryPayments payments = new InMemoryPayments();
    final FulfilmentRequests erp = mock(FulfilmentRequests.class);
    static final String DELIVERY_ID = "8012345678";
    final OrderFulfilmentProcess process;
    private final ProcessEngine engine;
    private final List<String> deployments = new ArrayList<>();

    OrderFixture(ProcessEngine engine) {
        this.engine = engine;
        AbstractAssertions.init(engine);
        Mocks.register("orderFulfilment", new OrderFulfilmentSteps(orders, journal, catalogue, ledger,
                new DmnPromotionTable(engine.getDecisionService()), payments.repository(), new PricingProperties(ZoneId.of("Europe/Berlin"), java.time.Duration.ofMinutes(10)),
                (store, skus) -> Map.of()));
        Mocks.register("delivery", new DeliverySteps(orders, erp));
        Mocks.register("paymentTimeouts", new PaymentTimeouts(new OrderProperties(Duration.ofMinutes(15), "EUR", Duration.ofDays(7), null)));
        process = new OrderFulfilmentProcess(engine.getRuntimeService());
        when(catalogue.articles(any())).thenReturn(Map.of(
                "SKU-0002", new Article("SKU-0002", "T-shirt", "APPAREL", Money.of("20.00", "EUR"), true),
                "SKU-0005", new Article("SKU-0005", "Blocks", "TOYS", Money.of("9.99", "EUR"), true)));
        when(orders.withLinesOnly(orderId)).thenReturn(order(false));
        when(journal.change(any(), any(), any())).thenReturn(true);
        when(erp.request(any(), any())).thenReturn(new FulfilmentAnswer(true, DELIVERY_ID, null));
    }

    /** A deployment of the order model with its price table and the given models it calls; removed again by {@link #close()}. */
    String deploy(DeploymentBuilder deployment) {
        String id = deployment.addClasspathResource("bpmn/order/order-fulfilment.bpmn").addClasspathResource("bpmn/order/order-pricing.dmn")
                .deploy().getId();
        deployments.add(id);
        return id;
    }

    /** Remembers a deployment made by the test itself, so {@link #close()} removes it too. */
    String deployed(String deploymentId) {
        deployments.add(deploymentId);
        return deploymentId;
    }

    void close() {
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
        Mocks.reset();
    }

    /** Starts the order and runs every job that is due now (not timers), as the job executor would. */
    ProcessInstance startAndRunJobs() {
        process.start(orderId);
        ProcessInstance instance = instance(); // waits at its first step until the jobs run
        runDueJobs();
        return instance;
    }

    void runDueJobs() {
        ManagementService management = engine.getManagementService();
        for (var due = management.createJobQuery().executable().list(); !due.isEmpty(); due = management.createJobQuery().executable().list()) {
            due.forEach(j -> management.executeJob(j.getId()));
        }
    }

    /** The processes the order ran or runs, by key: its own and those it called with its id as business key. */
    List<String> processes() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).list()
                .stream().map(p -> p.getProcessDefinitionKey()).sorted().toList();
    }

    ProcessInstance instance() {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(orderId.toString())
                .processDefinitionKey(OrderFulfilmentProcess.PROCESS_KEY).singleResult();
    }

    /** The running instance of a model the order called ({@code payment}, {@code payment-reversal}), or null. */
    ProcessInstance called(String processKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(orderId.toString())
                .processDefinitionKey(processKey).singleResult();
    }

    void stockFor(List<StockRequest> reserved, List<StockRequest> unavailable) {
        when(ledger.reserve(eq(orderId), eq("STORE-001"), anyList(), anyBoolean()))
                .thenReturn(new ReservationOutcome(reserved, unavailable));
        // after reservation the steps re-read the order: reserved lines carry their reserved quantity
        Order before = orders.withLinesOnly(orderId);
        List<OrderLine> after = before.lines().stream().map(l -> new OrderLine(l.lineNo(), l.sku(), l.quantity(),
                reserved.stream().anyMatch(r -> r.lineNo() == l.lineNo()) ? l.quantity() : 0, null, null, null)).toList();
        Order reservedOrder = new Order(before.id(), before.channel(), before.externalId(), before.storeId(), before.loyaltyTier(),
                before.allowPartial(), PaymentMethod.CARD, OrderStatus.RECEIVED, "RH-00000001", null, Money.of("51.49", "EUR"), after,
                List.of(), List.of(), Instant.now());
        when(orders.withLinesOnly(orderId)).thenReturn(before, reservedOrder);
    }

    void allInStock() {
        stockFor(List.of(line(1, "SKU-0002", 3), line(2, "SKU-0005", 1)), List.of());
    }

    static StockRequest line(int lineNo, String sku, int quantity) {
        return new StockRequest(lineNo, sku, quantity);
    }

    Order order(boolean allowPartial) {
        return new Order(orderId, Channel.WEB, "W-1", "STORE-001", LoyaltyTier.GOLD, allowPartial, PaymentMethod.CARD, OrderStatus.RECEIVED,
                null, null, null,
                List.of(new OrderLine(1, "SKU-0002", 3, null, null, null, null),
                        new OrderLine(2, "SKU-0005", 1, null, null, null, null)),
                List.of(), List.of(), Instant.now());
    }
}
