package org.retailhub.connectors.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The relay that publishes outbox events to Kafka.
 *
 * @param enabled      publish at all (several instances may all relay: they skip each other's locked rows)
 * @param pollInterval pause between two polls when the outbox was empty
 * @param batchSize    events per transaction
 * @param sendTimeout  how long to wait for the broker's acknowledgement before the batch is retried
 * @param retention    how long published events stay in the table (the order journey shows them); older ones are
 *                     purged, unpublished ones never
 * @param purgeInterval pause between two purges
 */
@Validated
@ConfigurationProperties("hub.outbox")
public record OutboxRelayProperties(@DefaultValue("true") boolean enabled,
                                    @NotNull @DefaultValue("100ms") Duration pollInterval,
                                    @Min(1) @Max(5000) @DefaultValue("500") int batchSize,
                                    @NotNull @DefaultValue("10s") Duration sendTimeout,
                                    @NotNull @DefaultValue("30d") Duration retention,
                                    @NotNull @DefaultValue("1h") Duration purgeInterval) {
}
