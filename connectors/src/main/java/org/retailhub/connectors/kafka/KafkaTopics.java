package org.retailhub.connectors.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Declares the hub's topics so that Spring's KafkaAdmin creates the missing ones at start. */
@Configuration(proxyBeanMethods = false)
public class KafkaTopics {

    @Bean
    KafkaAdmin.NewTopics eventTopics(KafkaTopicProperties properties) {
        return of(properties, java.util.List.of(properties.events(), properties.payments(), properties.stockMovements()));
    }

    /** The topics named, each with the hub's partitions and replication. */
    public static KafkaAdmin.NewTopics of(KafkaTopicProperties properties, java.util.List<String> names) {
        return new KafkaAdmin.NewTopics(names.stream()
                .map(name -> new NewTopic(name, properties.partitions(), properties.replicationFactor()))
                .toArray(NewTopic[]::new));
    }
}
