package org.retailhub.routes.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka topics of the channel intake.
 *
 * @param webTopic         web shop orders (JSON)
 * @param appTopic         mobile app orders (JSON, same shape as the web shop's)
 * @param marketplaceTopic marketplace orders (JSON, same shape)
 * @param posTopic         till sales in the POS record format
 * @param deadLetterTopic  where malformed messages go, original bytes and the reason in header {@code dlq-reason}
 * @param consumerGroup    consumer group shared by all hub instances
 * @param consumersPerTopic consumers per topic in this instance (each takes some of the topic's partitions), so one
 *                         channel's orders are accepted in parallel; more than the topic's partitions would sit idle
 */
@Validated
@ConfigurationProperties("hub.intake")
public record IntakeProperties(@NotBlank @DefaultValue("orders.web") String webTopic,
                               @NotBlank @DefaultValue("orders.app") String appTopic,
                               @NotBlank @DefaultValue("orders.marketplace") String marketplaceTopic,
                               @NotBlank @DefaultValue("orders.pos") String posTopic,
                               @NotBlank @DefaultValue("orders.deadletter") String deadLetterTopic,
                               @NotBlank @DefaultValue("retail-hub-intake") String consumerGroup,
                               @Min(1) @Max(64) @DefaultValue("3") int consumersPerTopic) {
}
