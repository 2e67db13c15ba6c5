package org.retailhub.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** An order's id and trace id in the log's MDC, restored afterwards, and handed on as a W3C traceparent. */
class OrderTraceTest {

    private final UUID order = UUID.fromString("7f3c2a9e-5d1b-4c8e-9a6f-0b2d4e6f8a1c");

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aScopeCarriesTheOrderAndRestoresTheOrderAroundIt() {
        UUID outer = UUID.randomUUID();
        try (OrderTrace.Scope ignored = OrderTrace.of(outer)) {
            try (OrderTrace.Scope inner = OrderTrace.of(order)) {
                assertThat(MDC.get(OrderTrace.ORDER_ID)).isEqualTo(order.toString());
                assertThat(MDC.get(OrderTrace.TRACE_ID)).isEqualTo("7f3c2a9e5d1b4c8e9a6f0b2d4e6f8a1c");
            }
            assertThat(MDC.get(OrderTrace.ORDER_ID)).isEqualTo(outer.toString());
        }
        assertThat(MDC.get(OrderTrace.ORDER_ID)).isNull();
        assertThat(MDC.get(OrderTrace.TRACE_ID)).isNull();
    }

    @Test
    void aCallForATracedOrderCarriesItsTraceWithANewSpanEachTime() {
        assertThat(OrderTrace.traceparent()).as("no order, no header").isEmpty();
        OrderTrace.enter(order);
        String first = OrderTrace.traceparent().orElseThrow();
        String second = OrderTrace.traceparent().orElseThrow();
        assertThat(first).matches("00-7f3c2a9e5d1b4c8e9a6f0b2d4e6f8a1c-[0-9a-f]{16}-01").isNotEqualTo(second);
        assertThat(first.substring(36, 52)).isNotEqualTo("0000000000000000");
        OrderTrace.leave();
        assertThat(OrderTrace.traceparent()).isEmpty();
        assertThat(MDC.get(OrderTrace.ORDER_ID)).isNull();
    }
}
