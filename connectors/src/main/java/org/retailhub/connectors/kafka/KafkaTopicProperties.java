package org.retailhub.connectors.kafka;

import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Topics the hub creates at start if they do not exist yet (existing topics are left as they are).
 *
 * @param names             topic names
 * @param partitions        partitions per topic: the most hub instances that can share one channel's intake
 * @param replicationFactor replicas per partition (1 for the embedded broker, 3 in production)
 */
@Validated
@ConfigurationProperties("hub.kafka.topics")
public record KafkaTopicProperties(
        @DefaultValue({"orders.web", "orders.app", "orders.marketplace", "orders.pos", "orders.events", "orders.deadletter", "rfid.epcis", "rfid.deadletter"}) List<String> names,
        @Min(1) @DefaultValue("3") int partitions,
        @Min(1) @DefaultValue("1") short replicationFactor) {
}
