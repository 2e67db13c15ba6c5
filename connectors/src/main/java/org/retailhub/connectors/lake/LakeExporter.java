package org.retailhub.connectors.lake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.retailhub.domain.cluster.LeaderLock;
import org.retailhub.domain.lake.LakeLedger;
import org.retailhub.domain.lake.LakeLedger.Watermark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Exports the canonical events' topics into the lake, round after round on a thread of its own: every partition of
 * every source topic is read from its watermark in the hub's database (no consumer group: the ledger is the only
 * position), each polled run of a partition becomes one batch ({@link LakeBatches}), then committed files are copied
 * to the object storage when one is configured. Before the first round and after any failure the exporter recovers:
 * a batch announced but not committed is read again record for record and rewritten, and every partition is sought to
 * its watermark.
 */
public class LakeExporter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LakeExporter.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REDO_LIMIT = Duration.ofSeconds(60);

    private final Collection<String> topics;
    private final Map<String, Object> consumerConfig;
    private final LakeBatches batches;
    private final LakeLedger ledger;
    private final LakeUpload upload;
    private final LeaderLock leadership;
    private final Duration interval;
    private Consumer<String, String> consumer;
    private List<TopicPartition> assigned = List.of();
    private boolean recovered;
    private ScheduledExecutorService rounds;
    private List<String> schemasToUpload;

    /**
     * @param consumerConfig the Kafka consumer's settings (bootstrap servers, security); deserializers, offsets and
     *                       batch size are set here
     * @param upload         copies committed files to the object storage; {@link LakeUpload#NONE} for none
     */
    LakeExporter(Collection<String> topics, Map<String, Object> consumerConfig, int batchSize, LakeBatches batches, LakeLedger ledger,
                 LakeUpload upload, LeaderLock leadership, Duration interval) {
        this.topics = List.copyOf(topics);
        this.consumerConfig = new java.util.HashMap<>(consumerConfig);
        this.consumerConfig.remove("group.id");
        this.consumerConfig.put("enable.auto.commit", false);
        this.consumerConfig.put("auto.offset.reset", "earliest");
        this.consumerConfig.put("isolation.level", "read_committed");
        this.consumerConfig.put("max.poll.records", batchSize);
        this.consumerConfig.put("key.deserializer", StringDeserializer.class);
        this.consumerConfig.put("value.deserializer", StringDeserializer.class);
        this.batches = batches;
        this.ledger = ledger;
        this.upload = upload;
        this.leadership = leadership;
        this.interval = interval;
    }

    /**
     * One round: recover if needed, export what one poll brings, upload what is not uploaded yet; nothing while
     * another exporter holds the lake.
     *
     * @return the rows the round put into the lake
     */
    public synchronized int exportRound() {
        if (!leadership.tryLead()) {
            standDown();
            return 0;
        }
        try {
            if (consumer == null) {
                consumer = new KafkaConsumer<>(consumerConfig);
            }
            List<TopicPartition> partitions = partitions();
            int rows = 0;
            if (!recovered || !partitions.equals(assigned)) {
                rows += recover(partitions);
            }
            ConsumerRecords<String, String> polled = consumer.poll(POLL);
            for (TopicPartition partition : polled.partitions()) {
                rows += batches.export(polled.records(partition)).stream().mapToInt(LakeLedger.LakeFile::rows).sum();
            }
            upload.uploadCommitted();
            uploadSchemas();
            return rows;
        } catch (RuntimeException e) {
            recovered = false;
            throw e;
        }
    }

    private void uploadSchemas() {
        if (schemasToUpload == null) {
            schemasToUpload = batches.describeTypes();
        }
        schemasToUpload.forEach(upload::uploadSchema);
        schemasToUpload = List.of();
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> found = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null) {
                infos.forEach(info -> found.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        found.sort((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
        return found;
    }

    /** Rewrites announced batches, then seeks every partition to its watermark; answers the rows rewritten. */
    private int recover(List<TopicPartition> partitions) {
        int rows = 0;
        for (TopicPartition partition : partitions) {
            Watermark mark = ledger.watermark(partition.topic(), partition.partition());
            if (mark.pendingTo() != null) {
                rows += redo(partition, mark);
            }
        }
        consumer.assign(partitions);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, ledger.watermark(partition.topic(), partition.partition()).nextOffset());
        }
        assigned = partitions;
        recovered = true;
        return rows;
    }

    /** Reads exactly the announced batch again and exports it (its files are replaced, nothing is added twice). */
    private int redo(TopicPartition partition, Watermark mark) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, mark.nextOffset());
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        Instant giveUp = Instant.now().plus(REDO_LIMIT);
        while (batch.isEmpty() || batch.get(batch.size() - 1).offset() < mark.pendingTo()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("the announced lake batch " + partition + " " + mark + " cannot be read again");
            }
            consumer.poll(POLL).records(partition).stream().filter(r -> r.offset() <= mark.pendingTo()).forEach(batch::add);
        }
        log.info("lake: batch {} {}..{} was not committed; written again", partition, batch.get(0).offset(), mark.pendingTo());
        return batches.export(batch).stream().mapToInt(LakeLedger.LakeFile::rows).sum();
    }

    @Override
    public void start() {
        rounds = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "lake-exporter"));
        rounds.scheduleWithFixedDelay(this::roundLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void roundLogged() {
        try {
            exportRound();
        } catch (RuntimeException e) {
            log.warn("lake: export round failed, retried in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void stop() {
        if (rounds != null) {
            rounds.shutdownNow();
            try {
                rounds.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rounds = null;
        }
        close();
    }

    /** Closes the Kafka consumer and gives the lake up to another exporter. */
    public synchronized void close() {
        standDown();
        leadership.close();
    }

    /** Another exporter writes the lake: no consumer here; the lock's session stays open for the next try. */
    private void standDown() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
            consumer = null;
        }
        recovered = false;
    }

    @Override
    public boolean isRunning() {
        return rounds != null;
    }

    @Override
    public int getPhase() {
        // after the broker and the hub's topics, like the insight stream
        return Integer.MAX_VALUE - 100;
    }

    @Override
    public String toString() {
        return "LakeExporter" + Objects.toString(topics);
    }
}
