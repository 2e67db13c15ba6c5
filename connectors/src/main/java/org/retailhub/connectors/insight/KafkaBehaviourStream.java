package org.retailhub.connectors.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.retailhub.domain.consistency.CustomerTraces;
import org.retailhub.domain.insight.BehaviourStream;
import org.retailhub.domain.insight.Interaction;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Accepted interactions onto the topology's input topic, keyed by golden customer id, acknowledged before returning.
 * An erased customer's tombstone (their key, no value) goes the same way, behind their last interaction: the topology
 * drops their profile.
 */
public class KafkaBehaviourStream implements BehaviourStream, CustomerTraces {

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
            send(interaction.customerId(), json.writeValueAsString(interaction));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("interaction not writable as JSON", e);
        }
    }

    @Override
    public String name() {
        return "insight";
    }

    @Override
    public void forget(String customerId) {
        send(customerId, null);
    }

    private void send(String customerId, String value) {
        try {
            kafka.send(topic, customerId, value).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the broker acknowledged a behaviour record", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge a behaviour record on " + topic, e);
        }
    }
}
