package org.retailhub.routes.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.retailhub.domain.order.AcceptedOrder;
import org.retailhub.domain.order.Order;
import org.retailhub.domain.order.OrderAlreadyFinishedException;
import org.retailhub.domain.order.OrderProcesses;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.domain.order.OrderRequest;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.payment.RefundDesk;
import org.retailhub.domain.payment.RefundRequest;
import org.retailhub.domain.payment.TillPayments;
import org.retailhub.domain.rollout.StorePath;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Order API. {@code POST /api/orders} takes a canonical order and answers 202 with its Location; the same
 * (channel, externalId) again answers 200 with the same Location; 503 with {@code Retry-After} while the hub is behind.
 * Errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

    /** {@code path}: the way the order went (its store's path when it was first accepted): HUB or LEGACY. */
    public record Accepted(UUID id, boolean created, StorePath path) {
    }

    public record CancellationRequest(@Size(max = 200) String reason) {
    }

    /** {@code amount} null or absent: everything still refundable. */
    public record RefundBody(@DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount, @Size(max = 200) String reason) {
    }

    public record RefundAccepted(UUID refundId, BigDecimal amount, String currency) {
    }

    private final OrderIntake intake;
    private final OrderRepository orders;
    private final OrderProcesses processes;
    private final RefundDesk refunds;
    private final TillPayments tills;
    private final PaymentRepository payments;

    public OrderController(OrderIntake intake, OrderRepository orders, OrderProcesses processes, RefundDesk refunds, TillPayments tills,
                           PaymentRepository payments) {
        this.payments = payments;
        this.tills = tills;
        this.intake = intake;
        this.orders = orders;
        this.processes = processes;
        this.refunds = refunds;
    }

    /** The till confirms a pay-in-store (or cash-on-delivery) order was paid; 409 when the order waits for no such payment. */
    @PostMapping("/{id}/till-payment")
    public ResponseEntity<Void> paidAtTill(@PathVariable UUID id) {
        Order order = orders.get(id);
        if (!tills.paidAtTill(id)) {
            throw new OrderAlreadyFinishedException(id, order.status());
        }
        return ResponseEntity.accepted().location(URI.create("/api/orders/" + id)).build();
    }

    /** Refunds a paid order fully or in part; 202, then the order shows PARTIALLY_REFUNDED or REFUNDED. */
    @PostMapping("/{id}/refunds")
    public ResponseEntity<RefundAccepted> refund(@PathVariable UUID id, @Valid @RequestBody(required = false) RefundBody body) {
        RefundRequest refund = refunds.request(id, body == null ? null : body.amount(), body == null ? null : body.reason());
        return ResponseEntity.accepted().location(URI.create("/api/orders/" + id))
                .body(new RefundAccepted(refund.id(), refund.amount().amount(), refund.amount().currency().getCurrencyCode()));
    }

    /** While the hub's backlog is above its limit, {@link IntakeRefusal} answers 503 before this runs; nothing is stored then. */
    @PostMapping
    public ResponseEntity<Accepted> submit(@Valid @RequestBody OrderRequest request) {
        AcceptedOrder accepted = intake.submit(request);
        return ResponseEntity.status(accepted.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/orders/" + accepted.orderId()))
                .body(new Accepted(accepted.orderId(), accepted.created(), accepted.path()));
    }

    @GetMapping("/{id}")
    public OrderView get(@PathVariable UUID id) {
        return OrderView.of(orders.get(id), payments.findByOrder(id).orElse(null));
    }

    /** Asks a running order to cancel; 409 when it is already paid, rejected or cancelled. */
    @PostMapping("/{id}/cancellation")
    public ResponseEntity<Void> cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancellationRequest request) {
        Order order = orders.get(id);
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? "cancelled on request" : request.reason();
        if (order.status().isFinal() || !processes.cancel(id, reason)) {
            throw new OrderAlreadyFinishedException(id, orders.get(id).status());
        }
        return ResponseEntity.accepted().location(URI.create("/api/orders/" + id)).build();
    }
}
