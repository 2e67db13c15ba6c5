package org.retailhub.connectors.insight;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Ends Kafka clients for good. {@code KafkaStreams.close} returns when the client's state says so, but its close
 * thread and the global store's thread may still be ending then; this also waits until no thread named after the
 * client id is alive (stream, global, close, cleanup threads and their clients' network threads all carry it).
 */
final class StreamsShutdown {

    private static final Duration POLL = Duration.ofMillis(20);

    private StreamsShutdown() {
    }

    /** The threads still alive when {@code deadline} passed; empty when all ended in time. */
    static List<String> end(KafkaStreams streams, String clientId, Deadline deadline) {
        streams.close(new KafkaStreams.CloseOptions().timeout(deadline.left()));
        return awaitEnded(() -> ended(streams.state()), clientId, deadline);
    }

    /**
     * Waits until {@code done} and no thread named with {@code clientId} is alive: a Kafka client's {@code close}
     * may return before its network thread has ended. The threads still alive at the deadline, else empty.
     */
    static List<String> awaitEnded(BooleanSupplier done, String clientId, Deadline deadline) {
        boolean interrupted = false;
        try {
            while (!done.getAsBoolean() || !threadsOf(clientId).isEmpty()) {
                if (deadline.passed()) {
                    return threadsOf(clientId);
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    // a stop interrupting the start attempts must not cut this wait short
                    interrupted = true;
                }
            }
            return List.of();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean ended(KafkaStreams.State state) {
        return state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.ERROR;
    }

    private static List<String> threadsOf(String clientId) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains(clientId)).toList();
    }
}
