package org.retailhub.routes.insight;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.retailhub.routes.redelivery.Redelivery;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The behaviour beacon on Kafka ({@code hub.insight.beacon.*}); the REST beacon is {@code POST /api/behaviour}.
 *
 * @param enabled         read the beacon topic at all
 * @param topic           behaviour events from the web shop and the app (JSON, one {@code BehaviourReport} each)
 * @param deadLetterTopic where events that can never be tracked go: original bytes, the reason in header
 *                        {@code dlq-reason}, the topic they came from in {@code dlq-source-topic}
 * @param consumerGroup   consumer group shared by all hub instances
 * @param pollTimeout     how long one poll of the broker waits
 * @param retry           how an event that failed for another reason than itself (database or broker down) is tried again
 * @param ordersTopic     the hub's own order events ({@code orders.events}): a paid order naming its customer is a purchase
 * @param ordersGroup     consumer group reading them for customer insight, shared by all hub instances
 */
@Validated
@ConfigurationProperties("hub.insight.beacon")
public record BeaconProperties(@DefaultValue("true") boolean enabled,
                               @NotBlank @DefaultValue("behaviour.events") String topic,
                               @NotBlank @DefaultValue("behaviour.deadletter") String deadLetterTopic,
                               @NotBlank @DefaultValue("retail-hub-beacon") String consumerGroup,
                               @NotNull @DefaultValue("500ms") Duration pollTimeout,
                               @Valid @NotNull @DefaultValue Redelivery retry,
                               @NotBlank @DefaultValue("orders.events") String ordersTopic,
                               @NotBlank @DefaultValue("retail-hub-insight-orders") String ordersGroup) {

    /** Every topic the beacon reads or writes, for the broker to create. */
    public List<String> topics() {
        return List.of(topic, deadLetterTopic);
    }
}
