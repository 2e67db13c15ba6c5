package org.retailhub.routes.order;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.component.kafka.KafkaClientFactory;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Kafka clients Camel's Kafka component makes, as a test double (the component takes the one client factory in
 * the registry): its producers are Kafka's {@link MockProducer}, with the serializers the endpoint configured (so a
 * body of the wrong type fails as it would against a broker), and keep what was sent. It makes no consumer: the routes under test read from direct endpoints.
 */
final class InMemoryKafka implements KafkaClientFactory {

    /** What every producer sent, in the order it was sent (each route has a producer of its own). */
    private final List<ProducerRecord<Object, Object>> sent = new CopyOnWriteArrayList<>();

    @Override
    public Producer<Object, Object> getProducer(Properties kafkaProps) {
        return new MockProducer<>(true, serializer(kafkaProps, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG),
                serializer(kafkaProps, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<Object, Object> record, Callback callback) {
                Future<RecordMetadata> sending = super.send(record, callback);
                sent.add(record);
                return sending;
            }
        };
    }

    @Override
    public Consumer<Object, Object> getConsumer(Properties kafkaProps) {
        throw new UnsupportedOperationException("the routes under test read from direct endpoints");
    }

    @Override
    public String getBrokers(KafkaConfiguration configuration) {
        return "in-memory:9092";
    }

    /** Every record sent so far, in order. */
    List<ProducerRecord<Object, Object>> sent() {
        return List.copyOf(sent);
    }

    void clear() {
        sent.clear();
    }

    static String header(ProducerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Serializer<Object> serializer(Properties kafkaProps, String key) {
        Object configured = kafkaProps.get(key);
        try {
            return (Serializer<Object>) (configured instanceof Class<?> type ? type : Class.forName(configured.toString()))
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no serializer " + configured, e);
        }
    }
}
