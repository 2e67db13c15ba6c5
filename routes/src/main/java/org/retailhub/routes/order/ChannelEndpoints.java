package org.retailhub.routes.order;

import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.stereotype.Component;

/**
 * The intake's Kafka endpoints, configured from {@link IntakeProperties} with typed options (brokers and anything set
 * under {@code camel.component.kafka.*} come from the component). Messages are read and dead-lettered as bytes, so a
 * dead letter is the message exactly as it came.
 */
@Component
public class ChannelEndpoints {

    private final IntakeProperties properties;

    public ChannelEndpoints(IntakeProperties properties) {
        this.properties = properties;
    }

    /**
     * A channel topic's consumer. {@code breakOnFirstError}: a message that failed for another reason than itself is
     * polled again from its offset, so nothing behind it on the partition is accepted first and nothing is lost. A small
     * poll and a short commit interval keep a back-pressure pause ({@link ChannelPause}) prompt and its resume exact.
     */
    public KafkaEndpoint channel(CamelContext camel, String topic) {
        KafkaEndpoint endpoint = camel.getEndpoint("kafka:" + topic, KafkaEndpoint.class);
        KafkaConfiguration kafka = endpoint.getConfiguration();
        kafka.setGroupId(properties.consumerGroup());
        kafka.setConsumersCount(properties.consumersPerTopic());
        kafka.setAutoOffsetReset("earliest");
        kafka.setBreakOnFirstError(true);
        kafka.setPollTimeoutMs(properties.pollTimeout().toMillis());
        kafka.setMaxPollRecords(properties.maxPollRecords());
        kafka.setAutoCommitIntervalMs((int) properties.commitInterval().toMillis());
        kafka.setValueDeserializer(ByteArrayDeserializer.class.getName());
        return endpoint;
    }

    /**
     * The dead-letter topic read by the dead-letter desk ({@link ChannelDeadLetterBook}), in a consumer group of its
     * own; a URI of its own too, so the endpoint is not the producer's.
     */
    public KafkaEndpoint deadLetterReader(CamelContext camel) {
        KafkaEndpoint endpoint = camel.getEndpoint("kafka:" + properties.deadLetterTopic() + "?clientId=" + properties.consumerGroup() + "-dead-letter-desk",
                KafkaEndpoint.class);
        KafkaConfiguration kafka = endpoint.getConfiguration();
        kafka.setGroupId(properties.consumerGroup() + "-dead-letter-desk");
        kafka.setAutoOffsetReset("earliest");
        kafka.setBreakOnFirstError(true);
        kafka.setPollTimeoutMs(properties.pollTimeout().toMillis());
        kafka.setValueDeserializer(ByteArrayDeserializer.class.getName());
        return endpoint;
    }

    /** A channel topic's producer, for a dead letter replayed onto the topic it came from. */
    public KafkaEndpoint channelWriter(CamelContext camel, String topic) {
        KafkaEndpoint endpoint = camel.getEndpoint("kafka:" + topic + "?clientId=" + properties.consumerGroup() + "-replay", KafkaEndpoint.class);
        endpoint.getConfiguration().setValueSerializer(ByteArraySerializer.class.getName());
        return endpoint;
    }

    /** The dead-letter topic's producer. */
    public KafkaEndpoint deadLetters(CamelContext camel) {
        KafkaEndpoint endpoint = camel.getEndpoint("kafka:" + properties.deadLetterTopic(), KafkaEndpoint.class);
        endpoint.getConfiguration().setValueSerializer(ByteArraySerializer.class.getName());
        return endpoint;
    }
}
