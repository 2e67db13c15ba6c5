package org.retailhub.processes.payment;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.retailhub.domain.payment.GiftCards;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.shared.Money;
import org.retailhub.processes.models.TransientVariables;
import org.springframework.stereotype.Component;

/**
 * The steps of the payment model, from choosing the method to capturing the money, called by name:
 * {@code ${payment.authorise(execution)}}. Every provider call uses an idempotency key derived from the
 * payment id and the operation, so a step retried by the engine or by an operator never charges twice.
 * Giving money back once the payment ended is the payment-reversal model's ({@link PaymentReversalSteps}).
 */
@Component("payment")
public class PaymentSteps {

    public static final String PAYMENT_ID = "paymentId";
    /** AUTHORISED, DECLINED or PENDING while it runs; the payment ends CAPTURED, DECLINED or TIMED_OUT. */
    public static final String AUTHORISATION = "authorisation";
    public static final String REASON = "reason";
    public static final String CAPTURE_REFUSED = "CAPTURE_REFUSED";

    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final GiftCards giftCards;
    private final PaymentReversals reversals;

    public PaymentSteps(PaymentRepository payments, PaymentProvider provider, GiftCards giftCards) {
        this.payments = payments;
        this.provider = provider;
        this.giftCards = giftCards;
        this.reversals = new PaymentReversals(payments, provider, giftCards);
    }

    /**
     * Redeems the gift card: the whole amount for GIFT_CARD (declined if the balance is short), as much as it
     * holds for SPLIT ({@code REMAINDER}: the card pays the rest). Idempotent per payment.
     */
    public void redeemGiftCard(DelegateExecution execution) {
        Payment payment = payment(execution);
        if (payment.giftCardRedemption() == null) {
            Money balance = giftCards.balance(payment.giftCardToken());
            boolean coversAll = balance.compareTo(payment.amount()) >= 0;
            Money take = coversAll ? payment.amount() : balance;
            if (!coversAll && payment.method() == PaymentMethod.GIFT_CARD || take.amount().signum() == 0) {
                decline(execution, payment, "gift card balance too low");
                return;
            }
            ProviderAnswer redeemed = giftCards.redeem(payment.giftCardToken(), take, payment.id() + ":redeem");
            if (redeemed.status() != PaymentStatus.CAPTURED) {
                decline(execution, payment, redeemed.reason());
                return;
            }
            payment = payments.recordGiftCard(payment.id(), take, redeemed.providerPaymentId());
        }
        if (payment.cardAmount().amount().signum() > 0) {
            authorisation(execution, "REMAINDER");
        } else {
            payments.record(payment.id(), new ProviderAnswer(null, PaymentStatus.AUTHORISED, null, null));
            authorisation(execution, "AUTHORISED");
        }
    }

    /** Compensation: puts a gift card redemption back when the rest of the payment failed. */
    public void reverseGiftCard(DelegateExecution execution) {
        reversals.reverseGiftCard(payment(execution));
    }

    /** The till confirmed the customer paid in store (or on delivery). */
    public void paidAtTill(DelegateExecution execution) {
        Payment payment = payment(execution);
        decided(execution, payments.record(payment.id(), new ProviderAnswer(null, PaymentStatus.AUTHORISED, null, null)));
    }

    public void authorise(DelegateExecution execution) {
        Payment payment = payment(execution);
        if (payment.status() == PaymentStatus.REQUESTED) {
            payment = payments.record(payment.id(), provider.authorise(payment, payment.id() + ":authorise"));
        }
        decided(execution, payment);
    }

    /** The webhook already stored the provider's answer; the process reads it. */
    public void recordAnswer(DelegateExecution execution) {
        decided(execution, payment(execution));
    }

    public void queryStatus(DelegateExecution execution) {
        Payment payment = payment(execution);
        if (!payment.status().decided() && payment.providerPaymentId() != null) {
            payment = payments.record(payment.id(), provider.status(payment));
        }
        decided(execution, payment);
    }

    /** No outcome after asking: void at the provider so a late approval cannot charge the customer. */
    public void giveUp(DelegateExecution execution) {
        reversals.giveBack(payment(execution));
        authorisation(execution, "TIMED_OUT");
        TransientVariables.set(execution, REASON, "no payment outcome within the payment timeout");
    }

    /** Takes the authorised money ({@code CAPTURED}); a refusal is the modelled error {@value #CAPTURE_REFUSED}. */
    public void capture(DelegateExecution execution) {
        Payment payment = payment(execution);
        if (payment.status() != PaymentStatus.CAPTURED && !payment.throughProvider()) {
            // gift card redeemed in full, or paid at the till: the money is already taken
            payments.record(payment.id(), new ProviderAnswer(null, PaymentStatus.CAPTURED, null, null));
        } else if (payment.status() != PaymentStatus.CAPTURED) {
            ProviderAnswer answer = provider.capture(payment, payment.id() + ":capture");
            if (answer.status() != PaymentStatus.CAPTURED) {
                throw new BpmnError(CAPTURE_REFUSED, "payment capture refused: " + (answer.reason() == null ? answer.status() : answer.reason()));
            }
            payments.record(payment.id(), answer);
        }
        authorisation(execution, "CAPTURED");
        // the order maps the reason out of every payment: a transient "none" keeps that from writing a null row
        TransientVariables.set(execution, REASON, null);
    }

    /** After a refused capture: the authorisation and any gift card money go back, and the payment ends declined. */
    public void voidRefusedCapture(DelegateExecution execution) {
        reversals.giveBack(payment(execution));
        authorisation(execution, "DECLINED");
    }

    private void decline(DelegateExecution execution, Payment payment, String reason) {
        decided(execution, payments.record(payment.id(), new ProviderAnswer(null, PaymentStatus.DECLINED, reason, null)));
    }

    private void decided(DelegateExecution execution, Payment payment) {
        authorisation(execution, switch (payment.status()) {
            case AUTHORISED, CAPTURED -> "AUTHORISED";
            case DECLINED, VOIDED, REFUNDED -> "DECLINED";
            case REQUESTED, PENDING -> "PENDING";
        });
        if (payment.status() == PaymentStatus.DECLINED) {
            TransientVariables.set(execution, REASON, "payment declined: " + (payment.reason() == null ? "no reason given" : payment.reason()));
        }
    }

    /**
     * Every reader of the authorisation (the gateways, the order's out-mapping when the payment ends) follows the step
     * that set it before the next wait state, so it is transient: after a wait the next step sets it again.
     */
    private static void authorisation(DelegateExecution execution, String authorisation) {
        TransientVariables.set(execution, AUTHORISATION, authorisation);
    }

    private Payment payment(DelegateExecution execution) {
        return payments.get(UUID.fromString((String) execution.getVariable(PAYMENT_ID)));
    }
}
