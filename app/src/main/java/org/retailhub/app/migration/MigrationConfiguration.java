package org.retailhub.app.migration;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.retailhub.app.consistency.IslandDatabases;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.migration.MigrationMask;
import org.retailhub.domain.migration.MigrationRuns;
import org.retailhub.legacy.migration.LegacyHistoryGenerator;
import org.retailhub.legacy.migration.MigrationBatch;
import org.retailhub.processes.migration.MigrationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The data migration: its batch jobs on the islands' pools and the hub's database (Spring Boot's job repository, tables
 * {@code hub.batch_*}), the masking key from configuration, and for the embedded default the islands' sample history.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationConfiguration.class);

    @Bean
    MigrationBatch migrationBatch(IslandDatabases islands, JdbcTemplate hub, PlatformTransactionManager transactions, JobRepository repository,
                                  JobLauncher launcher, MigrationProperties settings, Clock clock) {
        Optional<MigrationMask> mask = settings.maskingKey() == null || settings.maskingKey().isBlank() ? Optional.empty()
                : Optional.of(MigrationMask.fromSecret(settings.maskingKey()));
        return new MigrationBatch(Map.of(Island.POS, islands.dataSource(Island.POS), Island.CRM, islands.dataSource(Island.CRM),
                Island.ERP, islands.dataSource(Island.ERP)),
                hub, transactions, repository, launcher, mask, clock, settings.partitions());
    }

    @Bean
    MigrationRuns migrationRuns(JdbcTemplate hub) {
        return new MigrationRuns(hub);
    }

    /** DEV-ONLY: the simulated islands get a history to migrate, once (their tables empty), the same for every hub. */
    @Bean
    Object islandHistory(MigrationHistoryProperties history, IslandDatabases islands) {
        if (history.simulator()) {
            long present = islands.pos().queryForObject("select count(*) from sale_history", Long.class)
                    + islands.crm().queryForObject("select count(*) from loyalty_account", Long.class);
            if (present == 0) {
                LegacyHistoryGenerator.Planted planted = new LegacyHistoryGenerator(history.seed())
                        .generate(islands.dataSource(Island.POS), islands.dataSource(Island.CRM), history.accounts(), history.sales());
                LOG.info("Islands' history generated for the data migration: {} rows, defects planted {}", planted.rows(), planted.defects());
            }
        }
        return history;
    }
}
