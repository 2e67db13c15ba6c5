package org.retailhub.app.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning until a matching record shows up, as a downstream consumer would. */
final class KafkaProbe {

    private KafkaProbe() {
    }

    static List<ConsumerRecord<String, byte[]>> await(String bootstrap, String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                                                      Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> matches = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (matches.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        matches.add(r);
                    }
                });
            }
        }
        return matches;
    }

    /** Waits until a record with each of {@code keys} arrived on {@code topic}; returns them by key. */
    static Map<String, ConsumerRecord<String, byte[]>> awaitKeys(String bootstrap, String topic, java.util.Set<String> keys, Duration timeout) {
        Map<String, ConsumerRecord<String, byte[]>> found = new java.util.HashMap<>();
        await(bootstrap, topic, r -> {
            if (keys.contains(r.key())) {
                found.put(r.key(), r);
            }
            return found.keySet().containsAll(keys);
        }, timeout);
        return found;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
