package org.retailhub.rfid.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.retailhub.rfid.reads.ReadBatch;
import org.retailhub.rfid.reads.ReaderFormat;
import org.retailhub.rfid.reads.ReaderMessages;
import org.springframework.stereotype.Component;

/**
 * One reader message: read into canonical reads ({@link ReaderMessages}), which go on to the smoothing and the counts
 * ({@link TagObservations}); each refused tag record is a dead letter of its own with its reason, the rest go on. A
 * message that is no reader JSON at all throws, and the route family dead-letters it whole ({@link ReaderDeadLetters}).
 */
@Component
public class ReaderIntake {

    private final ReaderMessages messages;
    private final TagObservations observations;
    private final ProducerTemplate producer;
    private final MeterRegistry meters;

    public ReaderIntake(ReaderMessages messages, TagObservations observations, ProducerTemplate producer, MeterRegistry meters) {
        this.messages = messages;
        this.observations = observations;
        this.producer = producer;
        this.meters = meters;
    }

    /** @param topic the MQTT topic, {@code rfid/zebra/<reader id>}: its last segment names the reader */
    public void take(ReaderFormat format, String topic, byte[] message) {
        String reader = topic == null ? null : topic.substring(topic.lastIndexOf('/') + 1);
        ReadBatch batch = messages.read(format, reader, message);
        observations.take(batch.reads());
        for (ReadBatch.RefusedRecord refused : batch.refused()) {
            meters.counter("hub.rfid.deadlettered", "reason", refused.problem().slug()).increment();
            producer.sendBodyAndHeaders(ReaderDeadLetters.ENDPOINT, refused.record().getBytes(StandardCharsets.UTF_8), Map.of(
                    ReaderDeadLetters.REASON_HEADER, refused.reason(),
                    ReaderDeadLetters.SOURCE_HEADER, topic == null ? "" : topic,
                    KafkaConstants.KEY, refused.reader() == null ? "unknown" : refused.reader()));
        }
    }
}
