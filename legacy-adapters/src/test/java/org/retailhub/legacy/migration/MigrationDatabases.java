package org.retailhub.legacy.migration;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.migration.MigrationMask;
import org.retailhub.legacy.island.IslandSchema;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * One real PostgreSQL with the hub's database (its Flyway scripts, Spring Batch's repository among them) and the POS
 * and CRM islands' databases (their own scripts), and the migration's batch wired on them as the hub wires it.
 */
final class MigrationDatabases implements AutoCloseable {

    static final String MASKING_SECRET = "test-only-masking-secret-0123456789";

    private final EmbeddedPostgres postgres;
    final HikariDataSource hub;
    final HikariDataSource pos;
    final HikariDataSource crm;
    final HikariDataSource erp;
    final JdbcTransactionManager transactions;
    final JobRepository repository;

    MigrationDatabases() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("create role migration_cdc");
        admin.execute("create database legacy_pos");
        admin.execute("create database legacy_crm");
        admin.execute("create database legacy_erp");
        hub = pool("postgres");
        pos = pool("legacy_pos");
        crm = pool("legacy_crm");
        erp = pool("legacy_erp");
        Flyway.configure().dataSource(hub).schemas("hub").defaultSchema("hub").createSchemas(true)
                .locations("classpath:db/hub", "classpath:db/sample").load().migrate();
        IslandSchema.migrate(Island.POS, pos, "migration_cdc");
        IslandSchema.migrate(Island.CRM, crm, "migration_cdc");
        IslandSchema.migrate(Island.ERP, erp, "migration_cdc");
        transactions = new JdbcTransactionManager(hub);
        JobRepositoryFactoryBean factory = new JobRepositoryFactoryBean();
        factory.setDataSource(hub);
        factory.setTransactionManager(transactions);
        factory.setTablePrefix("hub.BATCH_");
        factory.setIsolationLevelForCreate("ISOLATION_READ_COMMITTED"); // as application.yaml: key ranges start side by side
        factory.afterPropertiesSet();
        repository = factory.getObject();
    }

    private HikariDataSource pool(String database) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", database));
        ds.setMaximumPoolSize(8);
        return ds;
    }

    MigrationBatch batch() throws Exception {
        return batch(Map.of(Island.POS, pos, Island.CRM, crm, Island.ERP, erp));
    }

    MigrationBatch batch(Map<Island, DataSource> islands) throws Exception {
        TaskExecutorJobLauncher launcher = new TaskExecutorJobLauncher();
        launcher.setJobRepository(repository);
        launcher.afterPropertiesSet();
        return new MigrationBatch(islands, new JdbcTemplate(hub), transactions, repository, launcher,
                Optional.of(MigrationMask.fromSecret(MASKING_SECRET)), Clock.systemUTC(), 2);
    }

    JdbcTemplate jdbc(DataSource database) {
        return new JdbcTemplate(database);
    }

    @Override
    public void close() throws IOException {
        hub.close();
        pos.close();
        crm.close();
        erp.close();
        postgres.close();
    }
}
