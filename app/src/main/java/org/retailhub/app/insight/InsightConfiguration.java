package org.retailhub.app.insight;

import java.time.Clock;
import org.retailhub.connectors.insight.InsightProperties;
import org.retailhub.connectors.kafka.KafkaTopicProperties;
import org.retailhub.connectors.kafka.KafkaTopics;
import org.retailhub.domain.catalogue.Catalogue;
import org.retailhub.domain.insight.BehaviourIntake;
import org.retailhub.domain.insight.BehaviourStream;
import org.retailhub.domain.insight.CustomerInsight;
import org.retailhub.domain.insight.CustomerRecommendations;
import org.retailhub.domain.insight.OrderPurchases;
import org.retailhub.domain.insight.StockOnShelf;
import org.retailhub.domain.insight.TrackingConsent;
import org.retailhub.routes.insight.BeaconProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/** Wires customer insight: the beacon's topics, the consent register, the intake and the recommendations. */
@Configuration(proxyBeanMethods = false)
class InsightConfiguration {

    @Bean
    KafkaAdmin.NewTopics beaconTopics(BeaconProperties beacon, KafkaTopicProperties topics) {
        return KafkaTopics.of(topics, beacon.topics());
    }

    @Bean
    TrackingConsent trackingConsent(JdbcTemplate jdbc, InsightProperties properties) {
        return new TrackingConsent(jdbc, properties.queryFreshness());
    }

    @Bean
    BehaviourIntake behaviourIntake(TrackingConsent consent, Catalogue catalogue, BehaviourStream stream, Clock clock) {
        return new BehaviourIntake(consent, catalogue, stream, clock);
    }

    @Bean
    OrderPurchases orderPurchases(JdbcTemplate jdbc, BehaviourIntake intake) {
        return new OrderPurchases(jdbc, intake);
    }

    @Bean
    CustomerRecommendations customerRecommendations(TrackingConsent consent, CustomerInsight insight, JdbcTemplate jdbc,
                                                    InsightProperties properties, Clock clock) {
        return new CustomerRecommendations(consent, insight, new StockOnShelf(jdbc, properties.queryFreshness()), properties.model(), clock,
                properties.queryFreshness());
    }
}
