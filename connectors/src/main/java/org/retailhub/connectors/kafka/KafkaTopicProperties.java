package org.retailhub.connectors.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub's topics are made at start if they do not exist yet (existing topics are left as they are), and the
 * names of the topics the outbox fills. The intake's topics are named in {@code hub.intake.*} and made the same way.
 *
 * @param events            the order events every status change is published on
 * @param payments          the payment events every status change of a payment is published on
 * @param stockMovements    the movements of untagged stock queued for the stock's owner (order lines, till sales, counts)
 * @param partitions        partitions per topic: the most hub instances that can share one channel's intake
 * @param replicationFactor replicas per partition (1 for the embedded broker, 3 in production)
 */
@Validated
@ConfigurationProperties("hub.kafka.topics")
public record KafkaTopicProperties(
        @NotBlank @DefaultValue("orders.events") String events,
        @NotBlank @DefaultValue("payments.events") String payments,
        @NotBlank @DefaultValue("stock.movements") String stockMovements,
        @Min(1) @DefaultValue("3") int partitions,
        @Min(1) @DefaultValue("1") short replicationFactor) {
}
