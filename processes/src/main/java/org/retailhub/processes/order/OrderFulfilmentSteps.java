package org.retailhub.processes.order;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.retailhub.domain.catalogue.Article;
import org.retailhub.domain.catalogue.Catalogue;
import org.retailhub.domain.inventory.ReservationLedger;
import org.retailhub.domain.inventory.ReservationOutcome;
import org.retailhub.domain.inventory.StockRequest;
import org.retailhub.domain.order.Order;
import org.retailhub.domain.order.OrderJournal;
import org.retailhub.domain.order.OrderLine;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.pricing.LinePricing;
import org.retailhub.domain.shared.Money;
import org.retailhub.domain.pricing.PricedLine;
import org.retailhub.domain.pricing.PricingContext;
import org.retailhub.domain.pricing.PromotionTable;
import org.retailhub.domain.pricing.StockCover;
import org.retailhub.processes.models.TransientVariables;
import org.retailhub.processes.pricing.PricingProperties;
import org.springframework.stereotype.Component;

/**
 * The steps of the order-fulfilment model, called by name from its service tasks
 * ({@code ${orderFulfilment.reserveStock(execution)}}). Each runs in the engine's transaction, so the
 * step's database changes, its outbox event and the process's progress commit together. Taking and giving back
 * the money are the steps of the models the order calls (payment, payment-reversal); the hand-over to the ERP is the
 * order model's step of {@link org.retailhub.processes.fulfilment.DeliverySteps}.
 */
@Component("orderFulfilment")
public class OrderFulfilmentSteps {

    private final OrderRepository orders;
    private final OrderJournal journal;
    private final Catalogue catalogue;
    private final ReservationLedger ledger;
    private final PromotionTable promotions;
    private final PaymentRepository payments;
    private final PricingProperties pricing;
    private final StockCover stockCover;

    public OrderFulfilmentSteps(OrderRepository orders, OrderJournal journal, Catalogue catalogue, ReservationLedger ledger,
                                PromotionTable promotions, PaymentRepository payments, PricingProperties pricing, StockCover stockCover) {
        this.orders = orders;
        this.journal = journal;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.promotions = promotions;
        this.payments = payments;
        this.pricing = pricing;
        this.stockCover = stockCover;
    }

    /** Checks the order is still fulfillable as submitted: still open and every article still sold. */
    public void validate(DelegateExecution execution) {
        Order order = orders.withLinesOnly(orderId(execution));
        Map<String, Article> articles = catalogue.articles(skus(order));
        List<String> notSold = skus(order).stream()
                .filter(sku -> !articles.containsKey(sku) || !articles.get(sku).active()).toList();
        boolean valid = order.status() == OrderStatus.RECEIVED && notSold.isEmpty();
        // the decisions and reasons are read before the next wait state (validate is the only asynchronous step before payment)
        TransientVariables.set(execution, OrderVariables.ORDER_VALID, valid);
        if (!valid) {
            TransientVariables.set(execution, OrderVariables.REASON, notSold.isEmpty()
                    ? "order is already " + order.status() : "articles no longer sold: " + notSold);
        }
    }

    public void reserveStock(DelegateExecution execution) {
        Order order = orders.withLinesOnly(orderId(execution));
        List<StockRequest> requests = order.lines().stream()
                .map(l -> new StockRequest(l.lineNo(), l.sku(), l.quantity())).toList();
        ReservationOutcome outcome = ledger.reserve(order.id(), order.storeId(), requests, order.allowPartial());
        outcome.reserved().forEach(l -> orders.recordReservedQuantity(order.id(), l.lineNo(), l.quantity()));
        outcome.unavailable().forEach(l -> orders.recordReservedQuantity(order.id(), l.lineNo(), 0));
        StockOutcome result = outcome.nothingReserved() ? StockOutcome.UNAVAILABLE
                : outcome.complete() ? StockOutcome.RESERVED : StockOutcome.PARTIAL;
        TransientVariables.set(execution, OrderVariables.STOCK_OUTCOME, result.name());
        if (!outcome.complete()) {
            String skus = outcome.unavailable().stream().map(StockRequest::sku).distinct().collect(Collectors.joining(", "));
            TransientVariables.set(execution, OrderVariables.REASON, "out of stock in " + order.storeId() + ": " + skus);
        }
    }

    /**
     * Prices every reserved line through the promotion table and records the applied promotions. A rule may look at the
     * line, the order (store, channel, loyalty tier, coupon, the day it came in), the other articles it sells and how
     * many days the store's stock of the article lasts (read once for the whole order).
     */
    public void price(DelegateExecution execution) {
        Order order = orders.withLinesOnly(orderId(execution));
        Map<String, Article> articles = catalogue.articles(skus(order));
        List<OrderLine> reserved = order.lines().stream().filter(l -> l.reservedQuantity() != null && l.reservedQuantity() > 0).toList();
        List<String> basket = reserved.stream().map(OrderLine::sku).distinct().toList();
        LocalDate orderDate = LocalDate.ofInstant(order.receivedAt(), pricing.timeZone());
        String coupon = orders.couponCode(order.id());
        Map<String, Integer> cover = stockCover.daysOfCover(order.storeId(), basket);
        LinePricing lines = LinePricing.forOneOrder();
        List<PricedLine> priced = reserved.stream()
                .map(l -> {
                    Article article = articles.get(l.sku());
                    var context = new PricingContext(l.sku(), article.category(), l.reservedQuantity(), order.storeId(), order.channel(),
                            order.loyaltyTier(), orderDate, coupon, basket, cover.get(l.sku()));
                    return lines.priceLine(l.lineNo(), article.listPrice(), l.reservedQuantity(), promotions.promotionsFor(context));
                })
                .toList();
        Money total = priced.stream().map(PricedLine::total).reduce(Money::plus)
                .orElseThrow(() -> new IllegalStateException("order " + order.id() + " has no reserved line to price"));
        orders.savePricing(order.id(), priced, total);
    }

    public void confirm(DelegateExecution execution) {
        UUID id = orderId(execution);
        orders.assignOrderNumber(id);
        boolean partial = StockOutcome.PARTIAL.name().equals(execution.getVariable(OrderVariables.STOCK_OUTCOME));
        journal.change(id, OrderStatus.CONFIRMED, partial ? "partially confirmed, " + execution.getVariable(OrderVariables.REASON) : null);
    }

    /** Opens the order's payment (the payment model takes it from here) and shows the order as awaiting it. */
    public void requestPayment(DelegateExecution execution) {
        UUID id = orderId(execution);
        journal.change(id, OrderStatus.AWAITING_PAYMENT, null);
        Order order = orders.withLinesOnly(id);
        execution.setVariable(OrderVariables.PAYMENT_ID,
                payments.openFor(id, order.paymentMethod(), order.total(), orders.giftCard(id)).id().toString());
        // the payment's first gateway reads it as the payment starts, in this transaction
        TransientVariables.set(execution, OrderVariables.PAYMENT_METHOD, order.paymentMethod().name());
    }

    public void commitStock(DelegateExecution execution) {
        ledger.commit(orderId(execution));
    }

    /** Compensation for a failed fulfilment: the committed stock goes back on hand. */
    public void returnStock(DelegateExecution execution) {
        ledger.returnCommitted(orderId(execution));
    }

    public void markPaid(DelegateExecution execution) {
        journal.change(orderId(execution), OrderStatus.PAID, null);
    }

    /** Gives back what the order holds: held stock is released, stock already committed goes back on hand. */
    public void releaseStock(DelegateExecution execution) {
        ledger.release(orderId(execution));
        ledger.returnCommitted(orderId(execution));
    }

    public void reject(DelegateExecution execution) {
        journal.change(orderId(execution), OrderStatus.REJECTED,
                Objects.toString(execution.getVariable(OrderVariables.REASON), "rejected"));
    }

    /** Cancels with the reason the cancel message carried. */
    public void cancelOnRequest(DelegateExecution execution) {
        cancel(execution, Objects.toString(execution.getVariable(OrderVariables.REASON), "cancelled on request"));
    }

    /** Cancels an order whose payment was given back because the ERP refused the delivery, with the ERP's reason. */
    public void cancelRefunded(DelegateExecution execution) {
        cancel(execution, execution.getVariable(OrderVariables.REASON) + "; payment refunded");
    }

    public void cancel(DelegateExecution execution, String reason) {
        journal.change(orderId(execution), OrderStatus.CANCELLED, reason);
    }

    private static UUID orderId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(OrderVariables.ORDER_ID));
    }

    private static List<String> skus(Order order) {
        return order.lines().stream().map(OrderLine::sku).distinct().toList();
    }
}
