package org.retailhub.app.cockpit;

import java.util.List;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.domain.deadletter.DeadLetterDesk;
import org.retailhub.domain.deadletter.DeadLetterReplay;
import org.retailhub.security.pii.PiiMasking;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The dead-letter desk behind {@code /api/dead-letters} and the Cockpit plugin: payloads masked like log lines. */
@Configuration(proxyBeanMethods = false)
class CockpitConfiguration {

    @Bean
    DeadLetterDesk deadLetterDesk(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditTrail trail, List<DeadLetterReplay> replays) {
        return new DeadLetterDesk(jdbc, new TransactionTemplate(transactions), trail, PiiMasking::mask, replays);
    }
}
