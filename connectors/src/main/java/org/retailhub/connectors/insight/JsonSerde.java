package org.retailhub.connectors.insight;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Records of the insight topology as JSON on its topics and in its state stores (readable with any Kafka tool). */
final class JsonSerde {

    private JsonSerde() {
    }

    static <T> Serde<T> of(Class<T> type, ObjectMapper json) {
        return Serdes.serdeFrom(
                (topic, value) -> {
                    try {
                        return value == null ? null : json.writeValueAsBytes(value);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                (topic, bytes) -> {
                    try {
                        return bytes == null ? null : json.readValue(bytes, type);
                    } catch (IOException e) {
                        throw new SerializationException("not a " + type.getSimpleName() + " on " + topic + ": " + e.getMessage(), e);
                    }
                });
    }
}
