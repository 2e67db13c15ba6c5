package org.retailhub.processes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.order.OrderBusyException;

/** A cancel that meets a running job of its order is tried again; one that keeps colliding says "busy", not 500. */
class OrderCancelRetryTest {

    private final UUID orderId = UUID.randomUUID();
    private final RuntimeService runtime = mock(RuntimeService.class);
    private final MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
    private OrderFulfilmentProcess process;

    @BeforeEach
    void wire() {
        when(runtime.createMessageCorrelation(anyString())).thenReturn(correlation);
        process = new OrderFulfilmentProcess(runtime);
    }

    @Test
    void aCancelCollidingWithARunningJobIsTriedAgainUntilItLands() {
        when(correlation.correlateWithResult()).thenThrow(conflict(), conflict()).thenReturn(mock(MessageCorrelationResult.class));

        assertThat(process.cancel(orderId, "customer changed their mind")).isTrue();
        verify(correlation, times(3)).correlateWithResult();
    }

    @Test
    void aCancelThatKeepsCollidingReportsTheOrderBusyWithNothingChanged() {
        when(correlation.correlateWithResult()).thenThrow(conflict());

        assertThatThrownBy(() -> process.cancel(orderId, "customer changed their mind")).isInstanceOf(OrderBusyException.class)
                .hasMessageContaining("try again").satisfies(e -> assertThat(((OrderBusyException) e).orderId()).isEqualTo(orderId));
        verify(correlation, times(5)).correlateWithResult();
        verify(correlation, times(5)).setVariable(anyString(), any());
    }

    private static OptimisticLockingException conflict() {
        return new OptimisticLockingException("ENGINE-03005 entity was updated by another transaction concurrently");
    }
}
