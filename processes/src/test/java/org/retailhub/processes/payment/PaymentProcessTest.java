package org.retailhub.processes.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailhub.domain.order.GiftCardToken;
import org.retailhub.domain.payment.GiftCards;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.payment.PaymentProviderUnavailableException;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.shared.Money;
import org.retailhub.processes.models.AnswerAtTheEnd;
import org.retailhub.processes.order.OrderProperties;
import org.retailhub.processes.order.PaymentTimeouts;

/** Drives the payment model path by path: immediate answers, webhooks, silence, a provider that is down, and the capture. */
class PaymentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private final PaymentProvider provider = mock(PaymentProvider.class);
    private final GiftCards giftCards = mock(GiftCards.class);
    private final InMemoryPayments payments = new InMemoryPayments();
    /** The CRM vault's token of a gift card: all the payment process ever sees of it. */
    private static final String CARD = "gct_demo_0001";
    private Payment payment;
    private PaymentProcess process;
    private AnswerAtTheEnd answer;

    @BeforeEach
    void wire() {
        AbstractAssertions.init(engine.getProcessEngine());
        Mocks.register("payment", new PaymentSteps(payments.repository(), provider, giftCards));
        Mocks.register("paymentTimeouts", new PaymentTimeouts(new OrderProperties(Duration.ofMinutes(2), "EUR", Duration.ofDays(7), null)));
        answer = AnswerAtTheEnd.deploy(engine.getProcessEngine().getRepositoryService(), "bpmn/payment/payment.bpmn", "authorisation", "reason");
        process = new PaymentProcess(engine.getProcessEngine().getRuntimeService());
        payment = payments.open(UUID.randomUUID(), PaymentMethod.CARD, Money.of("30.00", "EUR"));
        when(provider.capture(any(), any())).thenReturn(answer(PaymentStatus.CAPTURED, null));
    }

    @AfterEach
    void reset() {
        answer.undeploy(engine.getProcessEngine().getRepositoryService());
        Mocks.reset();
    }

    @Test
    void immediateAuthorisationIsCapturedWithItsOwnKey() {
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.AUTHORISED, null));
        ProcessInstance instance = startAndAuthorise();

        assertThat(instance).as("authorised and captured in one job").isEnded().hasPassed("Activity_CapturePayment", "EndEvent_PaymentCaptured");
        assertThat(answer.answer()).as("what the order reads").containsEntry("authorisation", "CAPTURED").containsEntry("reason", null);
        verify(provider).capture(any(), eq(payment.id() + ":capture"));
        assertThat(payments.repository().get(payment.id()).status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    /**
     * Authorise and capture are one job: a capture that fails (provider down, or the hub killed between the two calls)
     * rolls the job back, and its retry sends both calls again with the same keys, so the provider captures once.
     */
    @Test
    void aFailedCaptureRetriesTheWholeJobWithTheSameKeys() {
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.AUTHORISED, null));
        when(provider.capture(any(), any())).thenThrow(new PaymentProviderUnavailableException("HTTP 503", null))
                .thenReturn(answer(PaymentStatus.CAPTURED, null));
        ProcessInstance instance = start();
        String jobId = job().getId();
        ManagementService management = engine.getProcessEngine().getManagementService();
        try {
            management.executeJob(jobId);
        } catch (org.camunda.bpm.engine.ProcessEngineException expected) {
            // the job executor logs this and counts the retries down
        }

        assertThat(instance).as("nothing of the job is kept").isWaitingAt("Activity_AuthorisePayment");
        assertThat(job().getRetries()).as("R3/PT10S of the authorise step").isEqualTo(2);
        assertThat(job().getDuedate()).isAfter(java.time.Instant.now().plusSeconds(5)).isBefore(java.time.Instant.now().plusSeconds(15));

        management.executeJob(jobId);

        assertThat(instance).isEnded().hasPassed("EndEvent_PaymentCaptured");
        verify(provider, times(2)).capture(any(), eq(payment.id() + ":capture"));
        org.mockito.ArgumentCaptor<String> keys = org.mockito.ArgumentCaptor.forClass(String.class);
        verify(provider, org.mockito.Mockito.atLeastOnce()).authorise(any(), keys.capture());
        assertThat(keys.getAllValues()).as("every authorisation under one key").containsOnly(payment.id() + ":authorise");
    }

    @Test
    void captureTheProviderRefusesVoidsTheAuthorisationAndEndsDeclinedWithTheReason() {
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.AUTHORISED, null));
        when(provider.capture(any(), any())).thenReturn(answer(PaymentStatus.DECLINED, "capture refused by issuer"));
        when(provider.voidAuthorisation(any(), any())).thenReturn(answer(PaymentStatus.VOIDED, null));
        ProcessInstance instance = startAndAuthorise();

        assertThat(instance).isEnded().hasPassed("Event_CaptureRefused", "Activity_VoidRefusedCapture", "EndEvent_CaptureRefused");
        assertThat(answer.answer()).containsEntry("authorisation", "DECLINED")
                .containsEntry("reason", "payment capture refused: capture refused by issuer");
        verify(provider).voidAuthorisation(any(), eq(payment.id() + ":void"));
        assertThat(payments.repository().get(payment.id()).status()).isEqualTo(PaymentStatus.VOIDED);
    }

    @Test
    void immediateDeclineEndsDeclinedWithTheReason() {
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.DECLINED, "insufficient funds"));
        ProcessInstance instance = startAndAuthorise();

        assertThat(instance).isEnded().hasPassed("EndEvent_PaymentDeclined");
        assertThat(answer.answer()).containsEntry("authorisation", "DECLINED").containsEntry("reason", "payment declined: insufficient funds");
    }

    @Test
    void pendingPaymentIsAuthorisedByTheWebhook() {
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.PENDING, null));
        ProcessInstance instance = startAndAuthorise();
        assertThat(instance).isWaitingAt("Gateway_AwaitProvider");

        payments.record(payment.id(), answer(PaymentStatus.AUTHORISED, null)); // what the webhook endpoint stores
        assertThat(process.providerAnswered(payment.id())).isTrue();
        execute(job()); // the answer and the capture in one job

        assertThat(instance).isEnded().hasPassed("Activity_RecordProviderAnswer", "EndEvent_PaymentCaptured");
        verify(provider).capture(any(), eq(payment.id() + ":capture"));
    }

    @Test
    void pendingPaymentIsDeclinedByTheWebhook() {
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.PENDING, null));
        ProcessInstance instance = startAndAuthorise();

        payments.record(payment.id(), answer(PaymentStatus.DECLINED, "wallet session expired"));
        process.providerAnswered(payment.id());
        execute(job());

        assertThat(instance).isEnded().hasPassed("EndEvent_PaymentDeclined");
        assertThat(answer.answer()).containsEntry("authorisation", "DECLINED").containsEntry("reason", "payment declined: wallet session expired");
    }

    @Test
    void silentProviderIsAskedAndItsStatusDecides() {
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.PENDING, null));
        when(provider.status(any())).thenReturn(answer(PaymentStatus.AUTHORISED, null));
        ProcessInstance instance = startAndAuthorise();
        assertThat(job("Event_ProviderSilent").getDuedate()).as("the hub's payment timeout, PT2M")
                .isAfter(java.time.Instant.now().plusSeconds(100)).isBefore(java.time.Instant.now().plusSeconds(130));

        execute(job("Event_ProviderSilent")); // asks, and captures in the same job

        assertThat(instance).isEnded().hasPassed("Activity_QueryProviderStatus", "EndEvent_PaymentCaptured");
    }

    /** The timer's job asks and captures: a provider down there is retried like every provider step (R3/PT10S). */
    @Test
    void providerDownWhenTheTimerAsksIsRetriedTenSecondsLater() {
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.PENDING, null));
        when(provider.status(any())).thenThrow(new PaymentProviderUnavailableException("HTTP 503", null));
        ProcessInstance instance = startAndAuthorise();
        try {
            execute(job("Event_ProviderSilent"));
        } catch (org.camunda.bpm.engine.ProcessEngineException expected) {
            // counted down below
        }

        assertThat(instance).as("nothing of the job is kept").isWaitingAt("Gateway_AwaitProvider");
        assertThat(job("Event_ProviderSilent").getRetries()).isEqualTo(2);
        assertThat(job("Event_ProviderSilent").getDuedate()).isAfter(java.time.Instant.now().plusSeconds(5))
                .isBefore(java.time.Instant.now().plusSeconds(15));
    }

    @Test
    void providerStillUndecidedAfterAskingIsVoidedAndTimesOut() {
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.PENDING, null));
        when(provider.status(any())).thenReturn(answer(PaymentStatus.PENDING, null));
        when(provider.voidAuthorisation(any(), any())).thenReturn(answer(PaymentStatus.VOIDED, null));
        ProcessInstance instance = startAndAuthorise();

        execute(job("Event_ProviderSilent"));

        assertThat(instance).isEnded().hasPassed("Activity_VoidAuthorisation", "EndEvent_PaymentTimedOut");
        assertThat(answer.answer()).containsEntry("authorisation", "TIMED_OUT").containsEntry("reason", "no payment outcome within the payment timeout");
        verify(provider).voidAuthorisation(any(), eq(payment.id() + ":void"));
        assertThat(payments.repository().get(payment.id()).status()).isEqualTo(PaymentStatus.VOIDED);
    }

    @Test
    void providerDownBecomesAnIncidentAndTheRetryKeepsTheIdempotencyKey() {
        when(provider.authorise(any(), any())).thenThrow(new PaymentProviderUnavailableException("HTTP 503", null));
        ProcessInstance instance = start();
        ManagementService management = engine.getProcessEngine().getManagementService();
        String jobId = job().getId();
        for (int attempt = 1; attempt <= 3; attempt++) { // the model allows three attempts (R3/PT10S)
            try {
                management.executeJob(jobId);
            } catch (org.camunda.bpm.engine.ProcessEngineException expected) {
                // the job executor logs this and counts the retries down
            }
        }

        assertThat(engine.getProcessEngine().getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                .as("an incident an operator sees in Cockpit").isEqualTo(1);

        doReturn(answer(PaymentStatus.AUTHORISED, null)).when(provider).authorise(any(), any()); // the provider is back
        management.setJobRetries(jobId, 1); // what "Retry" in Cockpit does
        execute(job());

        assertThat(instance).isEnded().hasPassed("EndEvent_PaymentCaptured");
        verify(provider, times(4)).authorise(any(), eq(payment.id() + ":authorise"));
    }

    @Test
    void giftCardCoveringTheOrderAuthorisesWithoutTheProvider() {
        usePayment(PaymentMethod.GIFT_CARD, "50.00");
        when(giftCards.balance(CARD)).thenReturn(Money.of("80.00", "EUR"));
        when(giftCards.redeem(eq(CARD), eq(Money.of("50.00", "EUR")), any())).thenReturn(new ProviderAnswer("red_1", PaymentStatus.CAPTURED, null, null));
        ProcessInstance instance = start("Activity_RedeemGiftCard");
        execute(job());

        assertThat(instance).isEnded().hasPassed("Activity_RedeemGiftCard", "EndEvent_PaymentCaptured");
        verify(provider, times(0)).authorise(any(), any());
        verify(provider, times(0)).capture(any(), any());
        assertThat(payments.repository().get(payment.id()).status()).as("the CRM took the money").isEqualTo(PaymentStatus.CAPTURED);
        verify(giftCards).redeem(CARD, Money.of("50.00", "EUR"), payment.id() + ":redeem");
    }

    @Test
    void giftCardWithTooLittleOnItIsDeclinedAndNothingIsTaken() {
        usePayment(PaymentMethod.GIFT_CARD, "50.00");
        when(giftCards.balance(CARD)).thenReturn(Money.of("10.00", "EUR"));
        ProcessInstance instance = start("Activity_RedeemGiftCard");
        execute(job());

        assertThat(instance).isEnded().hasPassed("EndEvent_PaymentDeclined");
        assertThat(answer.answer()).containsEntry("reason", "payment declined: gift card balance too low");
        verify(giftCards, times(0)).redeem(any(), any(), any());
    }

    @Test
    void splitTenderTakesTheGiftCardBalanceAndTheRestByCard() {
        usePayment(PaymentMethod.SPLIT, "50.00");
        when(giftCards.balance(CARD)).thenReturn(Money.of("12.50", "EUR"));
        when(giftCards.redeem(any(), any(), any())).thenReturn(new ProviderAnswer("red_1", PaymentStatus.CAPTURED, null, null));
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.AUTHORISED, null));
        ProcessInstance instance = start("Activity_RedeemGiftCard");
        execute(job());
        execute(job());

        assertThat(instance).isEnded().hasPassed("Activity_RedeemGiftCard", "Activity_AuthorisePayment", "EndEvent_PaymentCaptured");
        org.mockito.ArgumentCaptor<Payment> authorised = org.mockito.ArgumentCaptor.forClass(Payment.class);
        verify(provider).authorise(authorised.capture(), any());
        assertThat(authorised.getValue().cardAmount()).isEqualTo(Money.of("37.50", "EUR"));
    }

    @Test
    void splitTenderWhoseCardIsDeclinedPutsTheGiftCardMoneyBack() {
        usePayment(PaymentMethod.SPLIT, "50.00");
        when(giftCards.balance(CARD)).thenReturn(Money.of("12.50", "EUR"));
        when(giftCards.redeem(any(), any(), any())).thenReturn(new ProviderAnswer("red_1", PaymentStatus.CAPTURED, null, null));
        when(provider.authorise(any(), any())).thenReturn(answer(PaymentStatus.DECLINED, "insufficient funds"));
        ProcessInstance instance = start("Activity_RedeemGiftCard");
        execute(job());
        execute(job());

        assertThat(instance).isEnded().hasPassed("Activity_ReverseGiftCard", "EndEvent_PaymentDeclined");
        verify(giftCards).reverse("red_1", payment.id() + ":reverse");
    }

    @Test
    void payInStoreOrderIsAuthorisedWhenTheTillConfirms() {
        usePayment(PaymentMethod.PAY_IN_STORE, "50.00");
        ProcessInstance instance = start("Gateway_AwaitTill");

        assertThat(process.paidAtTill(payment.orderId())).isTrue();
        assertThat(instance).as("the till's confirmation only wakes the payment").isWaitingAt("Activity_RecordTillPayment");
        execute(job());

        assertThat(instance).isEnded().hasPassed("Activity_RecordTillPayment", "EndEvent_PaymentCaptured");
        verify(provider, times(0)).capture(any(), any());
        assertThat(process.paidAtTill(payment.orderId())).as("a second confirmation finds nothing waiting").isFalse();
    }

    @Test
    void payInStoreOrderNotPaidInTimeTimesOut() {
        usePayment(PaymentMethod.PAY_IN_STORE, "50.00");
        ProcessInstance instance = start("Gateway_AwaitTill");

        execute(job("Event_NotPaidInStore"));

        assertThat(instance).isEnded().hasPassed("Activity_ExpireStorePayment", "EndEvent_StorePaymentTimedOut");
        assertThat(answer.answer()).containsEntry("authorisation", "TIMED_OUT");
    }

    private void usePayment(PaymentMethod method, String amount) {
        payment = payments.open(UUID.randomUUID(), method, Money.of(amount, "EUR"), method.usesGiftCard() ? new GiftCardToken(CARD, "0001") : null);
    }

    private ProcessInstance start() {
        return start("Activity_AuthorisePayment");
    }

    private ProcessInstance start(String firstWait) {
        ProcessInstance instance = engine.getProcessEngine().getRuntimeService().createProcessInstanceByKey(PaymentProcess.PROCESS_KEY)
                .businessKey(payment.orderId().toString())
                .setVariables(Variables.createVariables().putValue("paymentId", payment.id().toString())
                        .putValue("paymentMethod", Variables.stringValue(payment.method().name(), true))) // transient, as the order passes it
                .execute();
        assertThat(instance).isWaitingAt(firstWait);
        return instance;
    }

    private ProcessInstance startAndAuthorise() {
        ProcessInstance instance = start();
        execute(job());
        return instance;
    }

    private static ProviderAnswer answer(PaymentStatus status, String reason) {
        return new ProviderAnswer("psp_1", status, reason, null);
    }
}
