package org.retailhub.routes.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.retailhub.domain.insight.OrderPurchases;
import org.retailhub.domain.shared.RefusedInputException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The behaviour beacon on Kafka: each event on {@code behaviour.events} is read, validated and taken like one posted
 * to {@code POST /api/behaviour}; one that can never be tracked becomes a dead letter ({@link BehaviourDeadLetters}).
 * The hub's own {@code orders.events} are read too (route {@code order-purchases}): a paid order that names its
 * customer counts its lines as purchases ({@link OrderPurchases}); metric {@code hub.behaviour.order.purchases}
 * per outcome. Other statuses are passed over.
 */
@Component
@ConditionalOnProperty(name = "hub.insight.beacon.enabled", matchIfMissing = true)
public class BehaviourRoutes extends RouteBuilder {

    private final BeaconProperties properties;
    private final BehaviourBeacon beacon;
    private final OrderPurchases purchases;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public BehaviourRoutes(BeaconProperties properties, BehaviourBeacon beacon, OrderPurchases purchases, ObjectMapper json, MeterRegistry meters) {
        this.properties = properties;
        this.beacon = beacon;
        this.purchases = purchases;
        this.json = json;
        this.meters = meters;
    }

    @Override
    public void configure() {
        from(topic(properties.topic(), properties.consumerGroup()))
                .routeId("behaviour-beacon")
                .routeConfigurationId(BehaviourDeadLetters.ID)
                .process(exchange -> beacon.take(beacon.read(exchange.getMessage().getBody(byte[].class))));

        from(topic(properties.ordersTopic(), properties.ordersGroup()))
                .routeId("order-purchases")
                .routeConfigurationId(BehaviourDeadLetters.ID)
                .process(exchange -> purchased(exchange.getMessage().getBody(byte[].class)));
    }

    private void purchased(byte[] orderEvent) {
        JsonNode event;
        try {
            event = json.readTree(orderEvent);
        } catch (IOException e) {
            throw new RefusedInputException("order event is not JSON");
        }
        if (event == null || !"PAID".equals(event.path("status").asText())) {
            return;
        }
        try {
            purchases.paid(UUID.fromString(event.path("orderId").asText()), Instant.parse(event.path("occurredAt").asText()))
                    .forEach(outcome -> meters.counter("hub.behaviour.order.purchases", "outcome", outcome.name().toLowerCase()).increment());
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new RefusedInputException("order event without a readable orderId and occurredAt");
        }
    }

    /** {@code breakOnFirstError}: an event that failed for another reason than itself is polled again, not skipped. */
    private KafkaEndpoint topic(String topic, String group) {
        KafkaEndpoint endpoint = getContext().getEndpoint("kafka:" + topic, KafkaEndpoint.class);
        KafkaConfiguration kafka = endpoint.getConfiguration();
        kafka.setGroupId(group);
        kafka.setAutoOffsetReset("earliest");
        kafka.setBreakOnFirstError(true);
        kafka.setPollTimeoutMs(properties.pollTimeout().toMillis());
        kafka.setValueDeserializer(ByteArrayDeserializer.class.getName());
        return endpoint;
    }
}
