package org.retailhub.processes.payment;

import org.retailhub.domain.payment.GiftCards;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.shared.Money;

/**
 * Gives back what a payment holds or took, for the steps of both payment models. Every call carries an idempotency
 * key derived from the payment id, so a retried step never voids, refunds or reverses twice.
 */
final class PaymentReversals {

    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final GiftCards giftCards;

    PaymentReversals(PaymentRepository payments, PaymentProvider provider, GiftCards giftCards) {
        this.payments = payments;
        this.provider = provider;
        this.giftCards = giftCards;
    }

    /** True while money is taken, or held at the provider or on the gift card, so giving back has something to do. */
    boolean holdsMoney(Payment payment) {
        boolean atProvider = payment.throughProvider() && switch (payment.status()) {
            case REQUESTED, PENDING, AUTHORISED -> true;
            default -> false;
        };
        return atProvider || payment.giftCardRedemption() != null && payment.giftCardAmount().amount().signum() > 0;
    }

    /**
     * Releases whatever a payment that will not be captured holds: the authorisation at the provider, the gift card
     * money. A payment that turns out captured is refunded instead: the provider answers the void (or the cancel by
     * reference) with CAPTURED when a capture reached it first, e.g. the authorise-and-capture job's, whose own
     * transaction then lost to the cancel.
     */
    void giveBack(Payment payment) {
        Payment afterVoid = voidAtProvider(payment);
        if (afterVoid.status() == PaymentStatus.CAPTURED) {
            refund(afterVoid, "captured at the provider before it could be voided: refunded");
            return;
        }
        reverseGiftCard(payment);
    }

    /** A captured payment back to the customer: the card part at the provider, the gift card part to the card. */
    void refund(Payment payment) {
        refund(payment, null);
    }

    private void refund(Payment payment, String reason) {
        if (payment.status() != PaymentStatus.CAPTURED) {
            return;
        }
        if (payment.throughProvider()) {
            // the same key on every retry (and whichever path refunds first): the provider refunds once
            provider.refund(payment, payment.cardAmount(), payment.id() + ":refund-all");
        }
        reverseGiftCard(payment);
        payments.record(payment.id(), new ProviderAnswer(null, PaymentStatus.REFUNDED, reason, null));
    }

    void reverseGiftCard(Payment payment) {
        if (payment.giftCardRedemption() != null && payment.giftCardAmount().amount().signum() > 0) {
            giftCards.reverse(payment.giftCardRedemption(), payment.id() + ":reverse");
            payments.recordGiftCard(payment.id(), Money.zero(payment.amount().currency()), payment.giftCardRedemption());
        }
    }

    /** The payment as recorded after the provider's answer (with the provider's id, should it have captured). */
    private Payment voidAtProvider(Payment payment) {
        if (!payment.throughProvider()) {
            return payment;
        }
        if (payment.status() == PaymentStatus.REQUESTED) {
            // the authorise step may be talking to the provider right now (a cancel interrupts it, so its answer is
            // never recorded): cancel by our reference, which also refuses that authorisation should it arrive later
            return payments.record(payment.id(), provider.cancelByReference(payment, payment.id() + ":cancel"));
        }
        boolean holdsMoney = payment.status() == PaymentStatus.AUTHORISED || payment.status() == PaymentStatus.PENDING;
        if (holdsMoney && payment.providerPaymentId() != null) {
            return payments.record(payment.id(), provider.voidAuthorisation(payment, payment.id() + ":void"));
        }
        return payment;
    }
}
