package org.retailhub.routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.order.OrderNotFoundException;
import org.retailhub.domain.order.OrderRepository;
import org.retailhub.domain.order.OrderRequest;
import org.retailhub.domain.order.OrderProcesses;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.payment.RefundDesk;
import org.retailhub.domain.payment.TillPayments;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** A closed intake answers 503 before the order's body is read: no binding, no validation, nothing stored. */
class IntakeRefusalTest {

    private final AtomicLong backlog = new AtomicLong();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IntakeGate gate = new IntakeGate(backlog::get, IntakeBackPressureTest.properties(IntakeBackPressureTest.LIMITS), meters);
    private final OrderIntake intake = mock(OrderIntake.class);
    private final OrderRepository orders = mock(OrderRepository.class);
    private final MockMvc api = MockMvcBuilders
            .standaloneSetup(new OrderController(intake, orders, mock(OrderProcesses.class), mock(RefundDesk.class), mock(TillPayments.class),
                    mock(PaymentRepository.class)))
            .setControllerAdvice(new OrderProblems())
            .addMappedInterceptors(new String[] {"/api/orders"}, new IntakeRefusal(gate))
            .build();

    @Test
    void aClosedIntakeRefusesBeforeTheBodyIsReadAndCountsTheRefusal() throws Exception {
        backlog.set(401);
        gate.refresh();

        api.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("{ not an order"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://retail-hub.org/problems/intake-busy"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.retryAfterSeconds").value(2))
                .andExpect(jsonPath("$.detail").value(containsString("nothing was stored")));

        verify(intake, never()).submit(any(OrderRequest.class));
        assertThat(meters.get("hub.intake.refusals").counter().count()).isEqualTo(1);
    }

    @Test
    void anOpenIntakeReadsTheBodyAndAnswersItsProblems() throws Exception {
        api.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("{ not an order"))
                .andExpect(status().isBadRequest());
        assertThat(meters.get("hub.intake.refusals").counter().count()).isZero();
    }

    @Test
    void aClosedIntakeStillAnswersReadsOfOrders() throws Exception {
        backlog.set(401);
        gate.refresh();
        UUID id = UUID.randomUUID();
        when(orders.get(id)).thenThrow(new OrderNotFoundException(id));

        api.perform(get("/api/orders/" + id)).andExpect(status().isNotFound());
    }
}
