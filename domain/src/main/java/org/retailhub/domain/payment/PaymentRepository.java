package org.retailhub.domain.payment;

import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.order.GiftCardToken;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.retailhub.domain.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Payments and the provider events already seen (for webhook replay protection). Every status change is published
 * ({@link PaymentEvents}) in the transaction that records it.
 */
public class PaymentRepository {

    private final JdbcTemplate jdbc;
    private final PaymentEvents events;

    public PaymentRepository(JdbcTemplate jdbc, PaymentEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The order's payment, created on first call with the given method and amount. */
    public Payment openFor(UUID orderId, PaymentMethod method, Money amount, GiftCardToken giftCard) {
        jdbc.update("""
                insert into hub.payment (id, order_id, method, amount, currency, status, gift_card_token, gift_card_last4)
                values (?, ?, ?, ?, ?, 'REQUESTED', ?, ?) on conflict (order_id) do nothing""",
                UUID.randomUUID(), orderId, method.name(), amount.amount(), amount.currency().getCurrencyCode(),
                giftCard == null ? null : giftCard.token(), giftCard == null ? null : giftCard.lastFour());
        return findByOrder(orderId).orElseThrow();
    }

    /** Records a gift card redemption (the CRM's id and the amount taken), or its reversal with a zero amount. */
    public Payment recordGiftCard(UUID id, Money redeemed, String redemptionId) {
        jdbc.update("update hub.payment set gift_card_amount = ?, gift_card_redemption = ?, updated_at = now() where id = ?",
                redeemed.amount(), redemptionId, id);
        return get(id);
    }

    public Optional<Payment> find(UUID id) {
        return first("select * from hub.payment where id = ?", id);
    }

    public Optional<Payment> findByOrder(UUID orderId) {
        return first("select * from hub.payment where order_id = ?", orderId);
    }

    public Payment get(UUID id) {
        return find(id).orElseThrow(() -> new IllegalStateException("payment " + id + " does not exist"));
    }

    /**
     * Records what the provider said; the status only moves forward ({@link PaymentStatus#supersedes}), and a move is
     * published once. Call inside a transaction: the row lock keeps two answers for the same payment from both moving it.
     */
    public Payment record(UUID id, ProviderAnswer answer) {
        PaymentStatus current = jdbc.queryForObject("select status from hub.payment where id = ? for update",
                (rs, i) -> PaymentStatus.valueOf(rs.getString(1)), id);
        PaymentStatus next = current == null || answer.status().supersedes(current) ? answer.status() : current;
        jdbc.update("""
                update hub.payment set status = ?, provider_payment_id = coalesce(?, provider_payment_id),
                       reason = coalesce(?, reason), redirect_url = coalesce(?, redirect_url), updated_at = now(),
                       captured_at = case when ? = 'CAPTURED' and captured_at is null then now() else captured_at end
                 where id = ?""",
                next.name(), answer.providerPaymentId(), answer.reason(), answer.redirectUrl(), next.name(), id);
        Payment recorded = get(id);
        if (next != current) {
            events.changed(recorded);
        }
        return recorded;
    }

    /**
     * Remembers a provider event id.
     *
     * @return false if the event was seen before (a replay): it must then have no effect
     */
    public boolean firstSighting(String provider, String eventId, UUID paymentId) {
        return jdbc.update("""
                insert into hub.payment_provider_event (provider, event_id, payment_id) values (?, ?, ?)
                on conflict do nothing""", provider, eventId, paymentId) == 1;
    }


    private Optional<Payment> first(String sql, Object arg) {
        List<Payment> found = jdbc.query(sql, (rs, i) -> {
            Currency currency = Currency.getInstance(rs.getString("currency"));
            return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                    PaymentMethod.valueOf(rs.getString("method")), new Money(rs.getBigDecimal("amount"), currency),
                    PaymentStatus.valueOf(rs.getString("status")), rs.getString("provider_payment_id"), rs.getString("redirect_url"),
                    rs.getString("reason"), rs.getString("gift_card_token"), new Money(rs.getBigDecimal("gift_card_amount"), currency),
                    rs.getString("gift_card_redemption"));
        }, arg);
        return found.stream().findFirst();
    }
}
