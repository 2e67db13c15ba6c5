package org.retailhub.processes.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailhub.domain.order.GiftCardToken;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.payment.GiftCards;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.payment.PaymentProviderUnavailableException;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.shared.Money;

/**
 * Drives the payment-reversal model path by path: money taken is refunded, money held is voided (or refunded when the
 * provider captured it before the void arrived), nothing held ends quietly.
 */
@Deployment(resources = "bpmn/payment/payment-reversal.bpmn")
class PaymentReversalProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private final PaymentProvider provider = mock(PaymentProvider.class);
    private final GiftCards giftCards = mock(GiftCards.class);
    private final InMemoryPayments payments = new InMemoryPayments();

    @BeforeEach
    void wire() {
        AbstractAssertions.init(engine.getProcessEngine());
        Mocks.register("paymentReversal", new PaymentReversalSteps(payments.repository(), provider, giftCards));
        when(provider.refund(any(), any(), any())).thenReturn(new ProviderAnswer("psp_1", PaymentStatus.REFUNDED, null, null));
        when(provider.voidAuthorisation(any(), any())).thenReturn(new ProviderAnswer("psp_1", PaymentStatus.VOIDED, null, null));
        when(provider.cancelByReference(any(), any())).thenReturn(new ProviderAnswer(null, PaymentStatus.VOIDED, "cancelled", null));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void capturedSplitPaymentIsRefundedCardPartAtTheProviderGiftCardPartToTheCard() {
        Payment payment = split("50.00", "12.50", PaymentStatus.CAPTURED);

        ProcessInstance instance = reverse(payment.id());

        assertThat(instance).isEnded().hasPassed("Activity_RefundPayment", "EndEvent_PaymentRefunded");
        verify(provider).refund(any(), eq(Money.of("37.50", "EUR")), eq(payment.id() + ":refund-all"));
        verify(giftCards).reverse("red_1", payment.id() + ":reverse");
        assertThat(payments.repository().get(payment.id()).status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void authorisedPaymentIsVoidedAtTheProvider() {
        Payment payment = card(PaymentStatus.AUTHORISED);

        ProcessInstance instance = reverse(payment.id());

        assertThat(instance).isEnded().hasPassed("Activity_VoidPayment", "EndEvent_PaymentVoided");
        verify(provider).voidAuthorisation(any(), eq(payment.id() + ":void"));
        verify(provider, never()).refund(any(), any(), any());
        assertThat(payments.repository().get(payment.id()).status()).isEqualTo(PaymentStatus.VOIDED);
    }

    @Test
    void paymentWhoseAuthorisationIsOnItsWayIsCancelledByTheHubsReference() {
        Payment payment = payments.open(UUID.randomUUID(), PaymentMethod.CARD, Money.of("30.00", "EUR"));

        ProcessInstance instance = reverse(payment.id());

        assertThat(instance).isEnded().hasPassed("Activity_VoidPayment");
        verify(provider).cancelByReference(any(), eq(payment.id() + ":cancel"));
        assertThat(payments.repository().get(payment.id()).status()).isEqualTo(PaymentStatus.VOIDED);
    }

    @Test
    void cancelThatMeetsACaptureAlreadyAtTheProviderRefundsItOnce() {
        // the order's authorise-and-capture job captured at the provider, then lost to the cancel: the hub still
        // sees the payment as requested, and the provider answers the cancel with what it holds, a capture
        Payment payment = payments.open(UUID.randomUUID(), PaymentMethod.CARD, Money.of("30.00", "EUR"));
        when(provider.cancelByReference(any(), any())).thenReturn(new ProviderAnswer("psp_9", PaymentStatus.CAPTURED, null, null));
        Map<String, Money> refunds = providerRefundsOncePerKey();

        ProcessInstance instance = reverse(payment.id());

        assertThat(instance).isEnded().hasPassed("Activity_VoidPayment", "EndEvent_PaymentVoided");
        assertThat(refunds).containsExactly(entry(payment.id() + ":refund-all", Money.of("30.00", "EUR")));
        verify(provider).refund(argThat(p -> "psp_9".equals(p.providerPaymentId())), any(), any());
        Payment after = payments.repository().get(payment.id());
        assertThat(after.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(after.reason()).isEqualTo("captured at the provider before it could be voided: refunded");
    }

    @Test
    void voidOfAnAuthorisationTheProviderHasCapturedMeanwhileRefundsCardAndGiftCardParts() {
        Payment payment = split("50.00", "12.50", PaymentStatus.AUTHORISED);
        when(provider.voidAuthorisation(any(), any())).thenReturn(new ProviderAnswer("psp_1", PaymentStatus.CAPTURED, null, null));
        Map<String, Money> refunds = providerRefundsOncePerKey();

        reverse(payment.id());

        assertThat(refunds).containsExactly(entry(payment.id() + ":refund-all", Money.of("37.50", "EUR")));
        verify(giftCards).reverse("red_1", payment.id() + ":reverse");
        assertThat(payments.repository().get(payment.id()).status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payments.repository().get(payment.id()).giftCardAmount()).isEqualTo(Money.zero(payment.amount().currency()));
    }

    @Test
    void reversalRetriedAfterItsTransactionRolledBackRefundsOnlyOnce() {
        Payment payment = split("50.00", "12.50", PaymentStatus.REQUESTED);
        when(provider.cancelByReference(any(), any())).thenReturn(new ProviderAnswer("psp_9", PaymentStatus.CAPTURED, null, null));
        Map<String, Money> refunds = providerRefundsOncePerKey();
        // the CRM is down on the first attempt, after the provider refunded: the step fails and its transaction rolls back
        doThrow(new PaymentProviderUnavailableException("crm", null)).doNothing().when(giftCards).reverse(any(), any());

        assertThatThrownBy(() -> reverse(payment.id())).satisfiesAnyOf(
                e -> assertThat(e).isInstanceOf(PaymentProviderUnavailableException.class),
                e -> assertThat(e).hasRootCauseInstanceOf(PaymentProviderUnavailableException.class));
        payments.rollBackTo(payment);
        ProcessInstance retried = reverse(payment.id());

        assertThat(retried).isEnded();
        verify(provider, times(2)).refund(any(), any(), eq(payment.id() + ":refund-all"));
        assertThat(refunds).containsExactly(entry(payment.id() + ":refund-all", Money.of("37.50", "EUR")));
        assertThat(payments.repository().get(payment.id()).status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void declinedPaymentHasNothingToGiveBack() {
        Payment payment = card(PaymentStatus.DECLINED);

        ProcessInstance instance = reverse(payment.id());

        assertThat(instance).isEnded().hasPassed("EndEvent_NothingToGiveBack").hasNotPassed("Activity_VoidPayment", "Activity_RefundPayment");
        verifyNoInteractions(provider, giftCards);
    }

    @Test
    void orderWithoutAPaymentYetHasNothingToGiveBack() {
        ProcessInstance instance = reverse(null);

        assertThat(instance).isEnded().hasPassed("EndEvent_NothingToGiveBack");
        verifyNoInteractions(provider, giftCards);
    }

    /** The provider's refunds as a provider keeps them: one per idempotency key, a repeated key changes nothing. */
    private Map<String, Money> providerRefundsOncePerKey() {
        Map<String, Money> refunds = new ConcurrentHashMap<>();
        when(provider.refund(any(), any(), any())).thenAnswer(inv -> {
            refunds.putIfAbsent(inv.getArgument(2), inv.getArgument(1));
            return new ProviderAnswer(((Payment) inv.getArgument(0)).providerPaymentId(), PaymentStatus.REFUNDED, null, null);
        });
        return refunds;
    }

    private ProcessInstance reverse(UUID paymentId) {
        return engine.getProcessEngine().getRuntimeService().createProcessInstanceByKey("payment-reversal")
                .setVariables(Variables.createVariables().putValue("paymentId", paymentId == null ? null : paymentId.toString()))
                .execute();
    }

    private Payment card(PaymentStatus status) {
        Payment payment = payments.open(UUID.randomUUID(), PaymentMethod.CARD, Money.of("30.00", "EUR"));
        return payments.record(payment.id(), new ProviderAnswer("psp_1", status, null, null));
    }

    private Payment split(String amount, String onGiftCard, PaymentStatus status) {
        Payment payment = payments.open(UUID.randomUUID(), PaymentMethod.SPLIT, Money.of(amount, "EUR"), new GiftCardToken("gct_demo_0001", "0001"));
        Payment redeemed = payments.repository().recordGiftCard(payment.id(), Money.of(onGiftCard, "EUR"), "red_1");
        return status == PaymentStatus.REQUESTED ? redeemed : payments.record(payment.id(), new ProviderAnswer("psp_1", status, null, null));
    }
}
