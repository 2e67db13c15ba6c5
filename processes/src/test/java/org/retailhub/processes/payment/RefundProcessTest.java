package org.retailhub.processes.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;
import org.retailhub.domain.order.Order;
import org.retailhub.domain.order.OrderJournal;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.payment.RefundDesk;
import org.retailhub.domain.payment.RefundRequest;
import org.retailhub.domain.shared.Money;

/** The refund model: refunded at the provider then recorded, or an incident when the provider will not refund. */
@Deployment(resources = "bpmn/payment/refund.bpmn")
class RefundProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private final UUID orderId = UUID.randomUUID();
    private final PaymentProvider provider = mock(PaymentProvider.class);
    private final RefundDesk desk = mock(RefundDesk.class);
    private final OrderRepository orders = mock(OrderRepository.class);
    private final OrderJournal journal = mock(OrderJournal.class);
    private final InMemoryPayments payments = new InMemoryPayments();
    private RefundRequest refund;

    @BeforeEach
    void wire() {
        AbstractAssertions.init(engine.getProcessEngine());
        Mocks.register("refund", new RefundSteps(desk, payments.repository(), provider, orders, journal));
        Payment payment = payments.open(orderId, PaymentMethod.CARD, Money.of("50.00", "EUR"));
        refund = new RefundRequest(UUID.randomUUID(), payment.id(), orderId, Money.of("20.00", "EUR"), "damaged");
        when(desk.get(refund.id())).thenReturn(refund);
        when(orders.get(orderId)).thenReturn(new Order(orderId, Channel.WEB, "W-9", "WEB-DC", LoyaltyTier.NONE, false, PaymentMethod.CARD,
                OrderStatus.PAID, "RH-1", null, Money.of("50.00", "EUR"), List.of(), List.of(), List.of(), Instant.now()));
        when(desk.completed(eq(refund.id()), any())).thenReturn(OrderStatus.PARTIALLY_REFUNDED);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void refundAtTheProviderIsRecordedOnTheOrder() {
        when(provider.refund(any(), any(), any())).thenReturn(new ProviderAnswer("psp_1", PaymentStatus.REFUNDED, null, null));
        ProcessInstance instance = new RefundProcess(engine.getProcessEngine().getRuntimeService()).startAndGet(orderId, refund.id());
        assertThat(instance).isWaitingAt("Activity_RefundPayment");

        execute(job());

        assertThat(instance).isEnded().hasPassed("Activity_RefundPayment", "Activity_RecordRefund");
        verify(provider).refund(any(), eq(Money.of("20.00", "EUR")), eq(refund.id() + ":refund"));
        verify(journal).change(orderId, OrderStatus.PARTIALLY_REFUNDED, "refunded 20.00 EUR: damaged");
    }

    @Test
    void refundTheProviderRefusesBecomesAnIncidentAndRecordsNothing() {
        when(provider.refund(any(), any(), any())).thenReturn(new ProviderAnswer("psp_1", PaymentStatus.CAPTURED, "refund window closed", null));
        ProcessInstance instance = new RefundProcess(engine.getProcessEngine().getRuntimeService()).startAndGet(orderId, refund.id());
        assertThat(instance).isWaitingAt("Activity_RefundPayment");
        String jobId = job().getId();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                engine.getProcessEngine().getManagementService().executeJob(jobId);
            } catch (ProcessEngineException expected) {
                // counted down by the engine
            }
        }

        assertThat(engine.getProcessEngine().getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        verify(journal, never()).change(any(), any(), any());
    }
}
