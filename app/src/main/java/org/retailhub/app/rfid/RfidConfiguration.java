package org.retailhub.app.rfid;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.retailhub.domain.epcis.EpcisJournal;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.stockcount.StockCounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** RFID's parts of the hub's schema: the EPCIS journal and the cycle counts. */
@Configuration(proxyBeanMethods = false)
class RfidConfiguration {

    @Bean
    EpcisJournal epcisJournal(JdbcTemplate jdbc, PlatformTransactionManager transactions, Outbox outbox, ObjectMapper json) {
        return new EpcisJournal(jdbc, new TransactionTemplate(transactions), outbox, json);
    }

    @Bean
    StockCounts stockCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new StockCounts(jdbc, new TransactionTemplate(transactions));
    }
}
