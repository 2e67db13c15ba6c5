package org.retailhub.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code orders.events} from the beginning to its current end, as a downstream consumer would, and
 * counts one run's events by type: records as delivered and distinct event ids (the relay is at-least-once;
 * consumers de-duplicate by {@code event-id}).
 */
final class OrderEvents {

    /** Per event type: records on the topic and distinct event ids and orders among them. */
    record Tally(long records, long distinctEvents, long distinctOrders) {
    }

    private static final String TOPIC = "orders.events";

    private final BenchSettings settings;
    private final ObjectMapper json = new ObjectMapper();

    OrderEvents(BenchSettings settings) {
        this.settings = settings;
    }

    Map<String, Tally> tally(String prefix) throws IOException {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Map<String, long[]> records = new HashMap<>();
        Map<String, Set<String>> events = new HashMap<>();
        Map<String, Set<String>> orders = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = json.readTree(r.value());
                    if (!event.path("externalId").asText().startsWith(prefix)) {
                        continue;
                    }
                    String type = event.path("type").asText();
                    records.computeIfAbsent(type, t -> new long[1])[0]++;
                    Header id = r.headers().lastHeader("event-id");
                    events.computeIfAbsent(type, t -> new HashSet<>())
                            .add(id == null ? r.topic() + r.partition() + "@" + r.offset() : new String(id.value(), StandardCharsets.UTF_8));
                    orders.computeIfAbsent(type, t -> new HashSet<>()).add(event.path("orderId").asText());
                }
            }
        }
        Map<String, Tally> tally = new HashMap<>();
        records.forEach((type, n) -> tally.put(type, new Tally(n[0], events.get(type).size(), orders.get(type).size())));
        return tally;
    }
}
