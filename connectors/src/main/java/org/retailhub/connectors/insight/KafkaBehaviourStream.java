package org.retailhub.connectors.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.retailhub.domain.insight.BehaviourStream;
import org.retailhub.domain.insight.Interaction;
import org.springframework.kafka.core.KafkaTemplate;

/** Accepted interactions onto the topology's input topic, keyed by golden customer id, acknowledged before returning. */
public class KafkaBehaviourStream implements BehaviourStream {

    private static final long ACK_TIMEOUT_SECONDS = 10;

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final String topic;

    public KafkaBehaviourStream(KafkaTemplate<String, String> kafka, ObjectMapper json, String topic) {
        this.kafka = kafka;
        this.json = json;
        this.topic = topic;
    }

    @Override
    public void publish(Interaction interaction) {
        try {
            kafka.send(topic, interaction.customerId(), json.writeValueAsString(interaction)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("interaction not writable as JSON", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the broker acknowledged an interaction", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge an interaction on " + topic, e);
        }
    }
}
