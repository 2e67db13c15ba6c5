package org.retailhub.ops.migration;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.migration.EntityOutcome;
import org.retailhub.domain.migration.MigrationEntity;
import org.retailhub.domain.migration.MigrationMask;
import org.retailhub.domain.migration.MigrationReport;
import org.retailhub.domain.migration.MigrationRequest;
import org.retailhub.domain.migration.MigrationRuns;
import org.retailhub.domain.migration.MigrationTarget;
import org.retailhub.legacy.island.IslandSchema;
import org.retailhub.legacy.migration.LegacyHistoryGenerator;
import org.retailhub.legacy.migration.MigrationBatch;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The data migration's speed: a PostgreSQL of its own with the hub's and the islands' databases, a generated history
 * (default 100,000 loyalty accounts and 900,000 sale lines, defects planted), one masked migration of both entities
 * through the hub's own batch ({@link MigrationBatch}), validated; rows per second of load and of load + validation.
 * Writes {@code ops/bench/results/migration-<time>.md|.json}.
 * <pre>ops/bench/migration/run.sh [--accounts=100000] [--sales=900000] [--chunk=5000] [--partitions=2]</pre>
 */
public final class MigrationBenchmark {

    private MigrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = option(args, "accounts", 100_000);
        int sales = option(args, "sales", 900_000);
        int chunk = option(args, "chunk", 5000);
        int partitions = option(args, "partitions", 2);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "256MB").start()) {
            JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
            admin.execute("create role bench_cdc");
            admin.execute("create database legacy_pos");
            admin.execute("create database legacy_crm");
            try (HikariDataSource hub = pool(postgres, "postgres"); HikariDataSource pos = pool(postgres, "legacy_pos");
                 HikariDataSource crm = pool(postgres, "legacy_crm")) {
                Flyway.configure().dataSource(hub).schemas("hub").defaultSchema("hub").createSchemas(true)
                        .locations("classpath:db/hub", "classpath:db/sample").load().migrate();
                IslandSchema.migrate(Island.POS, pos, "bench_cdc");
                IslandSchema.migrate(Island.CRM, crm, "bench_cdc");
                long generating = System.nanoTime();
                new LegacyHistoryGenerator(1).generate(pos, crm, accounts, sales);
                Duration generated = Duration.ofNanos(System.nanoTime() - generating);
                new JdbcTemplate(pos).execute("analyze");
                new JdbcTemplate(crm).execute("analyze");
                run(hub, pos, crm, accounts + sales, chunk, partitions, generated);
            }
        }
    }

    private static void run(HikariDataSource hub, HikariDataSource pos, HikariDataSource crm, long rows, int chunk, int partitions, Duration generated)
            throws Exception {
        JdbcTransactionManager transactions = new JdbcTransactionManager(hub);
        JobRepositoryFactoryBean factory = new JobRepositoryFactoryBean();
        factory.setDataSource(hub);
        factory.setTransactionManager(transactions);
        factory.setTablePrefix("hub.BATCH_");
        factory.setIsolationLevelForCreate("ISOLATION_READ_COMMITTED");
        factory.afterPropertiesSet();
        // once: each getObject() adds its transaction advice to the same proxy again
        JobRepository repository = factory.getObject();
        TaskExecutorJobLauncher launcher = new TaskExecutorJobLauncher();
        launcher.setJobRepository(repository);
        launcher.afterPropertiesSet();
        MigrationBatch batch = new MigrationBatch(Map.of(Island.POS, pos, Island.CRM, crm), new JdbcTemplate(hub), transactions,
                repository, launcher, Optional.of(MigrationMask.fromSecret("bench-only-masking-key-" + UUID.randomUUID())),
                Clock.systemUTC(), partitions);
        MigrationRuns runs = new MigrationRuns(new JdbcTemplate(hub));
        MigrationRequest request = new MigrationRequest(Set.of(Island.POS, Island.CRM),
                List.of(MigrationEntity.LOYALTY_ACCOUNTS, MigrationEntity.SALES), MigrationTarget.MASKED_COPY, chunk, false);
        String runId = UUID.randomUUID().toString();
        runs.open(runId, request);
        Instant started = Instant.now();
        List<EntityOutcome> outcomes = new ArrayList<>();
        for (MigrationEntity entity : request.entities()) {
            batch.load(runId, entity, request, 1);
        }
        Duration loaded = Duration.between(started, Instant.now());
        for (MigrationEntity entity : request.entities()) {
            outcomes.add(batch.validate(runId, entity, request));
        }
        Instant finished = Instant.now();
        MigrationReport report = new MigrationReport(runId, request, "COMPLETED", started, finished, outcomes);
        Duration total = Duration.between(started, finished);
        String summary = String.format(Locale.ROOT, """
                # Migration benchmark %s

                - rows: %d (generated in %.1f s), chunk %d, %d key ranges side by side, target MASKED_COPY, %d cores, load average at the end %.1f
                - load (extract, transform, mask, write): %.1f s, **%.0f rows/s**
                - load + validation (counts, checksums read back): %.1f s, **%.0f rows/s**
                - problems: %s

                %s""", finished, rows, generated.toMillis() / 1000.0, chunk, partitions, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                loaded.toMillis() / 1000.0, rows * 1000.0 / loaded.toMillis(), total.toMillis() / 1000.0, rows * 1000.0 / total.toMillis(),
                report.problems().isEmpty() ? "none" : report.problems(), report.toMarkdown());
        Path results = Files.createDirectories(Path.of("ops", "bench", "results"));
        String name = "migration-" + finished.toString().replace(":", "");
        Files.writeString(results.resolve(name + ".md"), summary);
        Files.writeString(results.resolve(name + ".json"), report.toJson());
        System.out.println(summary);
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres, String database) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", database));
        ds.setMaximumPoolSize(8);
        return ds;
    }

    private static int option(String[] args, String name, int otherwise) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 3));
            }
        }
        return otherwise;
    }

}
