package org.retailhub.connectors.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.outbox.OutboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox events to Kafka in commit order. A batch is marked published only after the broker
 * acknowledged every record, in the same transaction that locked it: a crash re-sends the batch
 * (at-least-once; consumers de-duplicate by the {@code event-id} header), it never loses one. Published events are
 * kept for {@code hub.outbox.retention}, then purged.
 */
@Component
@ConditionalOnProperty(name = "hub.outbox.enabled", matchIfMissing = true)
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int PURGE_BATCH = 5_000;

    private final Outbox outbox;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate tx;
    private final OutboxRelayProperties properties;
    private final Counter published;

    public OutboxRelay(Outbox outbox, KafkaTemplate<String, String> kafka, PlatformTransactionManager transactions,
                       OutboxRelayProperties properties, MeterRegistry meters, TaskScheduler scheduler) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.tx = new TransactionTemplate(transactions);
        this.properties = properties;
        this.published = meters.counter("hub.outbox.published");
        Gauge.builder("hub.outbox.pending", outbox, Outbox::pending).register(meters);
        scheduler.scheduleWithFixedDelay(this::drain, properties.pollInterval());
        scheduler.scheduleWithFixedDelay(this::purge, properties.purgeInterval());
    }

    /** Deletes published events older than the retention, in small transactions so the relay is never held up. */
    void purge() {
        Instant cutoff = Instant.now().minus(properties.retention());
        try {
            long purged = 0;
            int n;
            do {
                n = outbox.purgePublishedBefore(cutoff, PURGE_BATCH);
                purged += n;
            } while (n == PURGE_BATCH);
            if (purged > 0) {
                log.info("Outbox: purged {} events published before {}", purged, cutoff);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox purge failed, will retry: {}", e.getMessage());
        }
    }

    /** Publishes batches until the outbox is empty. */
    void drain() {
        try {
            int sent;
            do {
                Integer n = tx.execute(status -> publishBatch());
                sent = n == null ? 0 : n;
            } while (sent == properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Outbox relay could not publish, will retry: {}", e.getMessage());
        }
    }

    private int publishBatch() {
        List<OutboxEvent> batch = outbox.lockNextBatch(properties.batchSize());
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
            record.headers().add("event-id", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("event-type", event.type().getBytes(StandardCharsets.UTF_8));
            acks.add(kafka.send(record));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not acknowledge " + batch.size() + " outbox events", e);
        }
        outbox.markPublished(batch);
        published.increment(batch.size());
        return batch.size();
    }
}
