package org.retailhub.connectors.insight;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Records of the insight topology as JSON on its topics and in its state stores (readable with any Kafka tool). */
final class JsonSerde {

    private JsonSerde() {
    }

    /**
     * The mapper for the topology's own records (state stores, their changelogs, the repartition topic): instants as
     * decimal epoch seconds ({@code 1764604800.123456789}) instead of ISO-8601 text. Every recommendation reads a
     * profile of some fifty instants, and parsing them as text was a quarter of what the requests allocated (a profile
     * at 200 requests/s, ops/insight/RESULTS.md). Reading takes both forms, so records written before stay readable.
     */
    static ObjectMapper forOwnRecords(ObjectMapper json) {
        return json.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS);
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
