package org.retailhub.connectors.insight;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.retailhub.connectors.kafka.KafkaTopicProperties;
import org.retailhub.connectors.kafka.KafkaTopics;
import org.retailhub.connectors.state.StateFolder;
import org.retailhub.domain.insight.CustomerInsight;
import org.retailhub.domain.insight.InsightPeers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Customer insight's Kafka side: its input topic, the publisher the beacon hands accepted interactions to, and the
 * topology with its interactive queries; an instance with {@code hub.insight.enabled=false} runs no topology and
 * answers queries with 503 (its beacon still takes events).
 */
@Configuration(proxyBeanMethods = false)
class CustomerInsightConfiguration {

    @Bean
    KafkaAdmin.NewTopics insightTopics(InsightProperties insight, KafkaTopicProperties topics) {
        return KafkaTopics.of(topics, tillSales(insight, topics, () -> { })
                .map(till -> List.of(insight.acceptedTopic(), till.topic())).orElse(List.of(insight.acceptedTopic())));
    }

    @Bean
    KafkaBehaviourStream behaviourStream(KafkaTemplate<String, String> kafka, ObjectMapper json, InsightProperties insight) {
        return new KafkaBehaviourStream(kafka, json, insight.acceptedTopic());
    }

    @Bean
    @ConditionalOnProperty(name = "hub.insight.enabled", havingValue = "false")
    CustomerInsight switchedOffInsight() {
        return new SwitchedOffInsight();
    }

    /** Without a topology nothing is held here or elsewhere: queries answer 503 here. */
    @Bean
    @ConditionalOnProperty(name = "hub.insight.enabled", havingValue = "false")
    InsightPeers noInsightPeers() {
        return InsightPeers.NONE;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "hub.insight.enabled", matchIfMissing = true)
    StateFolder insightStateFolder(InsightProperties insight, @Value("${hub.embedded.data-dir:}") String embeddedDataDir) {
        return StateFolder.of(insight.stateDir(), embeddedDataDir, "insight");
    }

    @Bean
    @ConditionalOnProperty(name = "hub.insight.enabled", matchIfMissing = true)
    InsightStreams insightStreams(InsightProperties insight, KafkaProperties kafka, KafkaTopicProperties topics,
                                  @Qualifier("insightStateFolder") StateFolder stateFolder, ObjectMapper json,
                                  ObjectProvider<MeterRegistry> meters) {
        Properties config = new Properties();
        config.putAll(kafka.buildStreamsProperties(null));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, insight.applicationId());
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateFolder.path().toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, insight.commitInterval().toMillis());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.replicationFactor());
        config.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        if (!insight.advertisedAddress().isBlank()) {
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, insight.advertisedAddress());
        }
        Counter unreadable = Counter.builder("hub.insight.till.sales.unreadable")
                .description("Stock movements the insight stream could not read (skipped)")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
        return new InsightStreams(CustomerInsightTopology.build(insight.acceptedTopic(), insight.applicationId(),
                tillSales(insight, topics, unreadable::increment),
                insight.model(), insight.redelivery(), json), config, insight.closeTimeout());
    }

    /** The till sales the topology reads, none when switched off. */
    private static Optional<TillSaleSource> tillSales(InsightProperties insight, KafkaTopicProperties topics, Runnable unreadable) {
        InsightProperties.TillSales till = insight.tillSales();
        if (!till.enabled()) {
            return Optional.empty();
        }
        String topic = till.topic().isBlank() ? topics.stockMovements() : till.topic();
        return Optional.of(new TillSaleSource(topic, till.receiptSpan(), unreadable));
    }
}
