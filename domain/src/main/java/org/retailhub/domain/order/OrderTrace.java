package org.retailhub.domain.order;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * One order's log lines from intake to process to connector carry its id and a trace id, in the log's MDC under
 * {@value #ORDER_ID} and {@value #TRACE_ID} (the JSON logs write the MDC). The trace id is the order id's 32 hex digits,
 * so it needs no storage to cross Kafka, the process engine's jobs and hub instances, and it is a valid W3C trace id that
 * the hub hands to the PSP and the ERP in a {@code traceparent} header ({@link #traceparent}). No personal data: an
 * order id identifies no person.
 */
public final class OrderTrace {

    public static final String ORDER_ID = "orderId";
    public static final String TRACE_ID = "traceId";

    /** Restores the MDC as it was before {@link #of}; closing twice is harmless. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private OrderTrace() {
    }

    /** Puts the order's id and trace id in this thread's MDC until the scope is closed, then restores what was there. */
    public static Scope of(UUID orderId) {
        String previousOrder = MDC.get(ORDER_ID);
        String previousTrace = MDC.get(TRACE_ID);
        enter(orderId);
        return () -> {
            restore(ORDER_ID, previousOrder);
            restore(TRACE_ID, previousTrace);
        };
    }

    /** Puts the order's id and trace id in this thread's MDC (a process step: {@link #leave} when it ends). */
    public static void enter(UUID orderId) {
        MDC.put(ORDER_ID, orderId.toString());
        MDC.put(TRACE_ID, traceId(orderId));
    }

    /** Takes the order's id and trace id out of this thread's MDC. */
    public static void leave() {
        MDC.remove(ORDER_ID);
        MDC.remove(TRACE_ID);
    }

    /** The order's trace id: its 32 lower-case hex digits. */
    public static String traceId(UUID orderId) {
        return orderId.toString().replace("-", "");
    }

    /** A W3C {@code traceparent} for a call made on this thread for an order (a new span id each call), if one is traced. */
    public static Optional<String> traceparent() {
        String trace = MDC.get(TRACE_ID);
        if (trace == null || !trace.matches("[0-9a-f]{32}") || trace.matches("0+")) {
            return Optional.empty();
        }
        return Optional.of("00-" + trace + "-" + String.format("%016x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)) + "-01");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
