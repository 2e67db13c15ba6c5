package org.retailhub.domain.payment;

import org.retailhub.domain.order.PaymentMethod;
import java.math.BigDecimal;
import java.util.UUID;
import org.retailhub.domain.order.Order;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts refunds of paid orders, full or partial. The payment row is locked while the refundable amount is
 * checked, so two concurrent refunds can never together exceed what was captured. The refund itself runs
 * in the refund process, started in the same transaction.
 */
public class RefundDesk {

    private final JdbcTemplate jdbc;
    private final OrderRepository orders;
    private final RefundProcesses processes;
    private final TransactionTemplate tx;

    public RefundDesk(JdbcTemplate jdbc, OrderRepository orders, RefundProcesses processes, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.processes = processes;
        this.tx = tx;
    }

    /**
     * @param amount null for everything still refundable
     * @throws RefundNotPossibleException when the order is not paid or the amount exceeds what is left
     */
    public RefundRequest request(UUID orderId, BigDecimal amount, String reason) {
        return tx.execute(status -> {
            Order order = orders.get(orderId);
            if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.PARTIALLY_REFUNDED) {
                throw new RefundNotPossibleException(orderId, "order is " + order.status() + ", only paid orders can be refunded");
            }
            record Captured(UUID id, PaymentMethod method) {
            }
            Captured captured = jdbc.queryForObject("select id, method from hub.payment where order_id = ? and status = 'CAPTURED' for update",
                    (rs, i) -> new Captured(rs.getObject("id", UUID.class), PaymentMethod.valueOf(rs.getString("method"))), orderId);
            if (captured.method() != PaymentMethod.CARD && captured.method() != PaymentMethod.WALLET) {
                throw new RefundNotPossibleException(orderId, "refunds of " + captured.method()
                        + " payments are made at the till or in the CRM, not here yet");
            }
            UUID paymentId = captured.id();
            Money left = refundable(paymentId, order.total());
            Money refund = amount == null ? left : new Money(amount, left.currency());
            if (refund.amount().signum() <= 0 || refund.compareTo(left) > 0) {
                throw new RefundNotPossibleException(orderId, "refund of " + refund + " is not between 0.01 and the " + left + " still refundable");
            }
            UUID id = UUID.randomUUID();
            jdbc.update("insert into hub.payment_refund (id, payment_id, amount, reason, status) values (?, ?, ?, ?, 'REQUESTED')",
                    id, paymentId, refund.amount(), reason);
            processes.start(orderId, id);
            return new RefundRequest(id, paymentId, orderId, refund, reason);
        });
    }

    public RefundRequest get(UUID refundId) {
        return jdbc.queryForObject("""
                select r.id, r.payment_id, p.order_id, r.amount, p.currency, r.reason
                  from hub.payment_refund r join hub.payment p on p.id = r.payment_id where r.id = ?""",
                (rs, i) -> new RefundRequest(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class),
                        rs.getObject("order_id", UUID.class), new Money(rs.getBigDecimal("amount"), java.util.Currency.getInstance(rs.getString("currency"))),
                        rs.getString("reason")),
                refundId);
    }

    /** Marks the refund done and moves the order to PARTIALLY_REFUNDED or REFUNDED; returns the new status. */
    public OrderStatus completed(UUID refundId, Money total) {
        jdbc.update("update hub.payment_refund set status = 'REFUNDED', refunded_at = now() where id = ? and status = 'REQUESTED'", refundId);
        RefundRequest refund = get(refundId);
        return refundable(refund.paymentId(), total).amount().signum() == 0 && pending(refund.paymentId()) == 0
                ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
    }

    private Money refundable(UUID paymentId, Money total) {
        BigDecimal taken = jdbc.queryForObject("select coalesce(sum(amount), 0) from hub.payment_refund where payment_id = ?",
                BigDecimal.class, paymentId);
        return total.minus(new Money(taken == null ? BigDecimal.ZERO : taken, total.currency()));
    }

    private int pending(UUID paymentId) {
        Integer n = jdbc.queryForObject("select count(*) from hub.payment_refund where payment_id = ? and status = 'REQUESTED'",
                Integer.class, paymentId);
        return n == null ? 0 : n;
    }
}
