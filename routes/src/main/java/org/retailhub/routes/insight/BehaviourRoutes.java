package org.retailhub.routes.insight;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The behaviour beacon on Kafka: each event on {@code behaviour.events} is read, validated and taken like one posted
 * to {@code POST /api/behaviour}; one that can never be tracked becomes a dead letter ({@link BehaviourDeadLetters}).
 */
@Component
@ConditionalOnProperty(name = "hub.insight.beacon.enabled", matchIfMissing = true)
public class BehaviourRoutes extends RouteBuilder {

    private final BeaconProperties properties;
    private final BehaviourBeacon beacon;

    public BehaviourRoutes(BeaconProperties properties, BehaviourBeacon beacon) {
        this.properties = properties;
        this.beacon = beacon;
    }

    @Override
    public void configure() {
        from(beaconTopic())
                .routeId("behaviour-beacon")
                .routeConfigurationId(BehaviourDeadLetters.ID)
                .process(exchange -> beacon.take(beacon.read(exchange.getMessage().getBody(byte[].class))));
    }

    /** {@code breakOnFirstError}: an event that failed for another reason than itself is polled again, not skipped. */
    private KafkaEndpoint beaconTopic() {
        KafkaEndpoint endpoint = getContext().getEndpoint("kafka:" + properties.topic(), KafkaEndpoint.class);
        KafkaConfiguration kafka = endpoint.getConfiguration();
        kafka.setGroupId(properties.consumerGroup());
        kafka.setAutoOffsetReset("earliest");
        kafka.setBreakOnFirstError(true);
        kafka.setPollTimeoutMs(properties.pollTimeout().toMillis());
        kafka.setValueDeserializer(ByteArrayDeserializer.class.getName());
        return endpoint;
    }
}
