package org.retailhub.connectors.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.retailhub.domain.lake.CustomerPseudonyms;
import org.retailhub.domain.lake.LakeLedger;
import org.retailhub.domain.lake.LakeLedger.LakeFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one batch of a source partition into the lake exactly once: announce it in the ledger, write its files
 * (deterministic names: topic, partition, first offset), commit files and watermark together. A batch interrupted
 * after its announcement is written again with exactly the announced records ({@link LakeExporter}'s recovery), which
 * replaces its files instead of adding rows.
 */
class LakeBatches {

    private static final Logger log = LoggerFactory.getLogger(LakeBatches.class);

    private final Map<String, LakeEventType> typesByTopic;
    private final ParquetFiles files;
    private final LakeLedger ledger;
    private final CustomerPseudonyms pseudonyms;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter rejected;
    private final AtomicLong lagMillis = new AtomicLong();

    LakeBatches(Map<String, LakeEventType> typesByTopic, ParquetFiles files, LakeLedger ledger, CustomerPseudonyms pseudonyms,
                ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.typesByTopic = Map.copyOf(typesByTopic);
        this.files = files;
        this.ledger = ledger;
        this.pseudonyms = pseudonyms;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.rejected = meters.counter("hub.lake.rows.rejected");
        meters.gauge("hub.lake.export.lag.seconds", lagMillis, lag -> lag.get() / 1000.0);
    }

    /** Writes the schema descriptions of every type; returns their relative paths. */
    List<String> describeTypes() {
        return typesByTopic.values().stream().map(type -> files.describe(type.schema())).distinct().toList();
    }

    /** The records of one partition, consecutive, oldest first, starting at the partition's watermark. */
    List<LakeFile> export(List<ConsumerRecord<String, String>> records) {
        ConsumerRecord<String, String> first = records.get(0);
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        LakeEventType type = typesByTopic.get(first.topic());
        ledger.begin(first.topic(), first.partition(), first.offset(), last.offset());
        Map<LocalDate, List<List<Object>>> byDay = new HashMap<>();
        Map<String, String> pseudonymOf = new HashMap<>(); // one look-up per customer and batch, not per event
        for (ConsumerRecord<String, String> record : records) {
            List<Object> row = row(type, record, pseudonymOf);
            if (row != null) {
                byDay.computeIfAbsent(LocalDate.ofInstant((Instant) row.get(2), ZoneOffset.UTC), d -> new ArrayList<>()).add(row);
            }
        }
        List<LakeFile> written = files.write(type.schema(), byDay, first.topic() + "-" + first.partition() + "-" + first.offset());
        ledger.commit(first.topic(), first.partition(), last.offset(), written);
        int rows = written.stream().mapToInt(LakeFile::rows).sum();
        meters.counter("hub.lake.rows.exported", "type", type.schema().type()).increment(rows);
        meters.counter("hub.lake.files.written", "type", type.schema().type()).increment(written.size());
        lagMillis.set(Duration.between(Instant.ofEpochMilli(last.timestamp()), clock.instant()).toMillis());
        return written;
    }

    /** The row as written: shared columns first; null (counted, logged without content) when the message is unusable. */
    private List<Object> row(LakeEventType type, ConsumerRecord<String, String> record, Map<String, String> pseudonymOf) {
        if (record.value() == null) {
            return null; // a tombstone: customer insight forgetting an erased customer's profile, no event
        }
        LakeRow event;
        try {
            event = type.row(json.readTree(record.value()));
        } catch (Exception e) {
            rejected.increment();
            // the message stays on its topic; the log names where it is, never what it says
            log.warn("lake: {}/{}/{} is not a {} event and is left out: {}", record.topic(), record.partition(), record.offset(),
                    type.schema().type(), e.getClass().getSimpleName());
            return null;
        }
        List<Object> row = new ArrayList<>();
        row.add(type.schema().version());
        row.add(record.topic() + "/" + record.partition() + "/" + record.offset());
        row.add(event.occurredAt());
        row.add(event.customerId() == null ? null
                : pseudonymOf.computeIfAbsent(event.customerId(), id -> pseudonyms.of(id).orElse(null)));
        row.addAll(event.values());
        return row;
    }
}
