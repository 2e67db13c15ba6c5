package org.retailhub.app.rfid;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.DriverManager;
import java.util.List;
import org.retailhub.connectors.kafka.KafkaTopicProperties;
import org.retailhub.connectors.kafka.KafkaTopics;
import org.retailhub.domain.cluster.LeaderLock;
import org.retailhub.domain.epcis.EpcisJournal;
import org.retailhub.domain.inventory.StockMovements;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.stockcount.StockCounts;
import org.retailhub.rfid.epcis.EpcisProperties;
import org.retailhub.rfid.intake.ReaderIntakeProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** RFID's parts of the hub's schema (the EPCIS journal and the cycle counts) and its topics. */
@Configuration(proxyBeanMethods = false)
class RfidConfiguration {

    @Bean
    EpcisJournal epcisJournal(JdbcTemplate jdbc, PlatformTransactionManager transactions, Outbox outbox, ObjectMapper json) {
        return new EpcisJournal(jdbc, new TransactionTemplate(transactions), outbox, json);
    }

    @Bean
    StockCounts stockCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions, StockMovements movements) {
        return new StockCounts(jdbc, new TransactionTemplate(transactions), movements);
    }

    /** Which hub instance subscribes to the store readers (ReaderIntakeLeadership): a lock on the hub's database. */
    @Bean
    LeaderLock rfidIntakeLock(DataSourceProperties hubLogin) {
        return new LeaderLock("rfid-intake",
                () -> DriverManager.getConnection(hubLogin.determineUrl(), hubLogin.determineUsername(), hubLogin.determinePassword()));
    }

    /** The EPCIS events' topic and the readers' dead letters, made at start like the hub's other topics. */
    @Bean
    KafkaAdmin.NewTopics rfidTopics(KafkaTopicProperties topics, EpcisProperties epcis, ReaderIntakeProperties intake) {
        return KafkaTopics.of(topics, List.of(epcis.topic(), intake.deadLetterTopic()));
    }
}
