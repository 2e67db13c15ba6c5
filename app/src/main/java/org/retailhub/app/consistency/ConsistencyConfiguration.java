package org.retailhub.app.consistency;

import java.util.List;
import org.retailhub.connectors.cdc.CapturedDatabase;
import org.retailhub.connectors.cdc.CdcEngines;
import org.retailhub.connectors.cdc.CdcProperties;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.domain.consistency.AuditedGoldenRecords;
import org.retailhub.domain.consistency.ChangePropagation;
import org.retailhub.domain.consistency.ConsentRegister;
import org.retailhub.domain.consistency.ConsistencyReports;
import org.retailhub.domain.consistency.CustomerErasure;
import org.retailhub.domain.consistency.CustomerTraces;
import org.retailhub.domain.consistency.DeadLetters;
import org.retailhub.domain.consistency.GoldenRecords;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.IslandChanges;
import org.retailhub.domain.consistency.IslandSystem;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.domain.consistency.Reconciliation;
import org.retailhub.domain.consistency.ReconciliationTurn;
import org.retailhub.domain.consistency.StockPostings;
import org.retailhub.domain.inventory.StockMovements;
import org.retailhub.domain.inventory.StockShortfalls;
import org.retailhub.legacy.crm.CrmCustomers;
import org.retailhub.legacy.crm.CrmIsland;
import org.retailhub.legacy.erp.ErpIsland;
import org.retailhub.legacy.pos.PosIsland;
import org.retailhub.routes.consistency.ConsistencyProperties;
import org.retailhub.security.pii.PiiMasking;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The legacy islands (their databases, schema and today's data), the hub's golden records, change propagation
 * under field ownership, reconciliation, and the capture engines that feed it all.
 */
@Configuration(proxyBeanMethods = false)
class ConsistencyConfiguration {

    @Bean(destroyMethod = "close")
    IslandDatabases islandDatabases(IslandsProperties islands, CdcProperties cdc) {
        return new IslandDatabases(islands, cdc.username());
    }

    @Bean(destroyMethod = "close")
    IslandSimulators islandSimulators(IslandsProperties islands, IslandDatabases databases) {
        return new IslandSimulators(islands, databases);
    }

    @Bean
    KeyCrossReference keyCrossReference(JdbcTemplate jdbc) {
        return new KeyCrossReference(jdbc);
    }

    @Bean
    PosIsland posIsland(IslandDatabases databases, KeyCrossReference keys) {
        return new PosIsland(databases.pos(), keys);
    }

    @Bean
    ErpIsland erpIsland(IslandDatabases databases, KeyCrossReference keys) {
        return new ErpIsland(databases.erp(), keys);
    }

    @Bean
    CrmIsland crmIsland(CrmCustomers crm, KeyCrossReference keys) {
        return new CrmIsland(crm, keys);
    }

    /** The golden records; customers still in clear, or sealed with a previous key, are sealed with the current key first. */
    @Bean
    AuditedGoldenRecords goldenRecords(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditTrail trail, PersonalDataProperties personalData,
                                       StockMovements movements) {
        AuditedGoldenRecords golden = new AuditedGoldenRecords(jdbc, new TransactionTemplate(transactions), personalData.seal(), movements, trail);
        int sealed = golden.resealCustomers();
        if (sealed > 0) {
            org.slf4j.LoggerFactory.getLogger(ConsistencyConfiguration.class).info("{} customers sealed with personal data key '{}'", sealed,
                    personalData.keyId());
        }
        return golden;
    }

    @Bean
    ReconciliationTurn reconciliationTurn(JdbcTemplate jdbc) {
        return new ReconciliationTurn(jdbc);
    }

    @Bean
    StockShortfalls stockShortfalls(JdbcTemplate jdbc) {
        return new StockShortfalls(jdbc);
    }

    @Bean
    CustomerErasure customerErasure(List<IslandSystem> islands, GoldenRecords golden, KeyCrossReference keys, DeadLetters deadLetters,
                                    AuditTrail trail, ConsistencyProperties consistency, PlatformTransactionManager transactions,
                                    List<CustomerTraces> traces) {
        return new CustomerErasure(islands, golden, keys, deadLetters, trail, consistency.ownership(), new TransactionTemplate(transactions), traces);
    }

    @Bean
    DeadLetters deadLetters(JdbcTemplate jdbc) {
        return new DeadLetters(jdbc);
    }

    @Bean
    ConsistencyReports consistencyReports(JdbcTemplate jdbc) {
        return new ConsistencyReports(jdbc, PiiMasking::mask);
    }

    @Bean
    ChangePropagation changePropagation(List<IslandSystem> islands, AuditedGoldenRecords golden, ConsistencyProperties consistency,
                                        ConsentRegister consents) {
        // watched islands tell the golden records whose change they apply, for the audit trail
        return new ChangePropagation(islands, golden, consistency.ownership(), consents);
    }

    @Bean
    StockPostings stockPostings(JdbcTemplate jdbc, PlatformTransactionManager transactions, List<IslandSystem> islands,
                                ConsistencyProperties consistency) {
        return new StockPostings(jdbc, new TransactionTemplate(transactions), islands, consistency.ownership());
    }

    @Bean
    Reconciliation islandReconciliation(List<IslandSystem> islands, GoldenRecords golden, ConsistencyProperties consistency,
                                  ChangePropagation propagation) {
        return new Reconciliation(islands, golden, consistency.ownership(), propagation);
    }

    @Bean
    @ConditionalOnProperty(name = "hub.cdc.enabled", havingValue = "true", matchIfMissing = true)
    CdcEngines cdcEngines(IslandsProperties islands, CdcProperties cdc, DataSourceProperties hubLogin, IslandChanges receiver) {
        List<CapturedDatabase> databases = islands.all().entrySet().stream()
                .map(e -> new CapturedDatabase(e.getKey(), e.getValue().url())).toList();
        return new CdcEngines(databases, cdc, hubLogin.determineUrl(), hubLogin.determineUsername(), hubLogin.determinePassword(), receiver);
    }
}
