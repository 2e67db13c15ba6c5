package org.retailhub.routes.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.retailhub.domain.order.Order;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.shared.Money;

/** The order as {@code GET /api/orders/{id}} shows it. Amounts are exact decimals in the order's currency. */
public record OrderView(UUID id, String orderNumber, String channel, String externalId, String storeId,
                        OrderStatus status, String statusReason, String currency, BigDecimal total,
                        List<Line> lines, List<Promotion> promotions, List<History> history, Instant receivedAt,
                        PaymentView payment) {

    /** The order's payment as the customer needs to see it: for wallets the redirect URL to complete it. */
    public record PaymentView(String method, String status, String redirectUrl, BigDecimal giftCardAmount) {
    }

    public record Line(int lineNo, String sku, int quantity, Integer reservedQuantity, BigDecimal unitPrice,
                       BigDecimal discount, BigDecimal lineTotal) {
    }

    public record Promotion(int lineNo, String code, int discountPercent, BigDecimal amount) {
    }

    public record History(OrderStatus status, String reason, Instant at) {
    }

    static OrderView of(Order o, Payment payment) {
        return new OrderView(o.id(), o.orderNumber(), o.channel().name(), o.externalId(), o.storeId(), o.status(),
                o.statusReason(), o.total() == null ? null : o.total().currency().getCurrencyCode(), amount(o.total()),
                o.lines().stream().map(l -> new Line(l.lineNo(), l.sku(), l.quantity(), l.reservedQuantity(),
                        amount(l.unitPrice()), amount(l.discount()), amount(l.lineTotal()))).toList(),
                o.promotions().stream().map(p -> new Promotion(p.lineNo(), p.code(), p.discountPercent(), amount(p.amount()))).toList(),
                o.history().stream().map(h -> new History(h.status(), h.reason(), h.at())).toList(),
                o.receivedAt(),
                payment == null ? null : new PaymentView(payment.method().name(), payment.status().name(), payment.redirectUrl(),
                        payment.giftCardAmount().amount().signum() == 0 ? null : payment.giftCardAmount().amount()));
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
