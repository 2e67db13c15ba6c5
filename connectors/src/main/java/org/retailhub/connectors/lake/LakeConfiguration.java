package org.retailhub.connectors.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import org.retailhub.connectors.insight.InsightProperties;
import org.retailhub.connectors.kafka.KafkaTopicProperties;
import org.retailhub.connectors.state.StateFolder;
import org.retailhub.domain.cluster.LeaderLock;
import org.retailhub.domain.lake.CustomerPseudonyms;
import org.retailhub.domain.lake.LakeLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data lake: order, payment and stock movement events ({@code hub.kafka.topics.events}, {@code .payments},
 * {@code .stock-movements}), accepted behaviour ({@code hub.insight.accepted-topic}) and EPCIS events
 * ({@code hub.rfid.epcis.topic}) exported to Parquet in {@code hub.lake.folder}, copied to object storage when
 * {@code hub.lake.object-storage.bucket} is set; an instance with {@code hub.lake.enabled=false} exports nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.lake.enabled", matchIfMissing = true)
class LakeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LakeConfiguration.class);

    @Bean(destroyMethod = "close")
    StateFolder lakeFolder(LakeProperties lake, @Value("${hub.embedded.data-dir:}") String embeddedDataDir) {
        if (lake.folder().isBlank() && embeddedDataDir.isBlank()) {
            log.warn("lake: no hub.lake.folder and no embedded data folder, so the lake is written to a temporary folder removed at stop");
        }
        return StateFolder.of(lake.folder(), embeddedDataDir, "lake");
    }

    @Bean
    CustomerPseudonyms customerPseudonyms(JdbcTemplate jdbc) {
        return new CustomerPseudonyms(jdbc);
    }

    @Bean
    LakeLedger lakeLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new LakeLedger(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    LakeExporter lakeExporter(LakeProperties lake, KafkaProperties kafka, KafkaTopicProperties topics, InsightProperties insight,
                              @Qualifier("lakeFolder") StateFolder folder, LakeLedger ledger, CustomerPseudonyms pseudonyms,
                              DataSourceProperties hubLogin, ObjectMapper json, Clock clock, MeterRegistry meters,
                              @Value("${hub.rfid.epcis.topic:rfid.epcis}") String epcisTopic) {
        Map<String, LakeEventType> types = Map.of(topics.events(), CanonicalEvents.ORDER, topics.payments(), CanonicalEvents.PAYMENT,
                topics.stockMovements(), CanonicalEvents.STOCK_MOVEMENT, insight.acceptedTopic(), CanonicalEvents.BEHAVIOUR,
                epcisTopic, CanonicalEvents.EPCIS);
        LakeBatches batches = new LakeBatches(types, new ParquetFiles(folder.path(), json), ledger, pseudonyms, json, clock, meters);
        LakeUpload upload = lake.objectStorage().configured() ? new S3LakeUpload(lake.objectStorage(), folder.path(), ledger) : LakeUpload.NONE;
        return new LakeExporter(types.keySet(), kafka.buildConsumerProperties(null), lake.batchSize(), batches, ledger, upload,
                exporterLock(hubLogin), lake.interval());
    }

    /** One exporter writes the lake at a time, whatever the instances' configuration: a leader lock on the hub's database. */
    static LeaderLock exporterLock(DataSourceProperties hubLogin) {
        return new LeaderLock("retail-hub data lake exporter",
                () -> DriverManager.getConnection(hubLogin.determineUrl(), hubLogin.determineUsername(), hubLogin.determinePassword()));
    }
}
