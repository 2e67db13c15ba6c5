package org.retailhub.processes.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailhub.domain.fulfilment.ErpUnavailableException;
import org.retailhub.domain.fulfilment.FulfilmentAnswer;
import org.retailhub.domain.fulfilment.FulfilmentRequests;
import org.retailhub.domain.order.Order;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;
import org.retailhub.domain.shared.Money;
import org.retailhub.processes.models.AnswerAtTheEnd;

/** Drives the delivery model path by path: the ERP takes the delivery, refuses it, or cannot be reached. */
class DeliveryProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private final UUID orderId = UUID.randomUUID();
    private final OrderRepository orders = mock(OrderRepository.class);
    private final FulfilmentRequests erp = mock(FulfilmentRequests.class);
    private AnswerAtTheEnd answer;

    @BeforeEach
    void wire() {
        AbstractAssertions.init(engine.getProcessEngine());
        Mocks.register("delivery", new DeliverySteps(orders, erp));
        answer = AnswerAtTheEnd.deploy(engine.getProcessEngine().getRepositoryService(), "bpmn/fulfilment/delivery.bpmn", "fulfilmentAccepted", "reason");
        when(orders.get(orderId)).thenReturn(new Order(orderId, Channel.WEB, "W-1", "STORE-001", LoyaltyTier.NONE, false, PaymentMethod.CARD,
                OrderStatus.AWAITING_PAYMENT, "RH-00000001", null, Money.of("20.00", "EUR"), List.of(), List.of(), List.of(), Instant.now()));
    }

    @AfterEach
    void reset() {
        answer.undeploy(engine.getProcessEngine().getRepositoryService());
        Mocks.reset();
    }

    @Test
    void deliveryTheErpTakesRecordsItsDeliveryNumber() {
        when(erp.request(any(), any())).thenReturn(new FulfilmentAnswer(true, "8012345678", null));
        ProcessInstance instance = startAndHandOver();

        assertThat(instance).isEnded().hasPassed("EndEvent_DeliveryAccepted");
        assertThat(answer.answer()).as("what the order reads").containsEntry("fulfilmentAccepted", true).containsEntry("reason", null);
        verify(erp).request(any(), eq(orderId + ":deliver"));
        verify(orders).recordDelivery(orderId, "8012345678");
    }

    @Test
    void deliveryTheErpRefusesEndsRefusedWithTheErpsReason() {
        when(erp.request(any(), any())).thenReturn(new FulfilmentAnswer(false, null, "plant STORE-001 blocked for deliveries"));
        ProcessInstance instance = startAndHandOver();

        assertThat(instance).isEnded().hasPassed("EndEvent_DeliveryRejected");
        assertThat(answer.answer()).containsEntry("fulfilmentAccepted", false)
                .containsEntry("reason", "fulfilment rejected by the ERP: plant STORE-001 blocked for deliveries");
        verify(orders, never()).recordDelivery(any(), any());
    }

    @Test
    void unreachableErpBecomesAnIncidentAndTheRetryKeepsTheIdempotencyKey() {
        when(erp.request(any(), any())).thenThrow(new ErpUnavailableException("HTTP 503", null));
        ProcessInstance instance = start();
        String jobId = job().getId();
        for (int attempt = 1; attempt <= 3; attempt++) { // the model allows three attempts (R3/PT10S)
            try {
                engine.getProcessEngine().getManagementService().executeJob(jobId);
            } catch (ProcessEngineException expected) {
                // the job executor logs this and counts the retries down
            }
        }
        assertThat(engine.getProcessEngine().getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                .as("an incident an operator sees in Cockpit").isEqualTo(1);

        doReturn(new FulfilmentAnswer(true, "8012345678", null)).when(erp).request(any(), any()); // the ERP is back
        engine.getProcessEngine().getManagementService().setJobRetries(jobId, 1); // "Retry" in Cockpit
        execute(job());

        assertThat(instance).isEnded().hasPassed("EndEvent_DeliveryAccepted");
        verify(erp, times(4)).request(any(), eq(orderId + ":deliver"));
    }

    private ProcessInstance start() {
        ProcessInstance instance = engine.getProcessEngine().getRuntimeService().createProcessInstanceByKey("delivery")
                .businessKey(orderId.toString()).setVariables(Variables.createVariables().putValue("orderId", orderId.toString())).execute();
        assertThat(instance).isWaitingAt("Activity_HandOverToErp");
        return instance;
    }

    private ProcessInstance startAndHandOver() {
        ProcessInstance instance = start();
        execute(job());
        return instance;
    }
}
