package org.retailhub.app.order;

import org.retailhub.connectors.kafka.KafkaTopicProperties;
import org.retailhub.connectors.kafka.KafkaTopics;
import org.retailhub.routes.order.IntakeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The channel intake's topics (named in {@code hub.intake.*}), made at start like the hub's other topics. */
@Configuration(proxyBeanMethods = false)
class ChannelTopics {

    @Bean
    KafkaAdmin.NewTopics intakeTopics(IntakeProperties intake, KafkaTopicProperties topics) {
        return KafkaTopics.of(topics, intake.topics());
    }
}
