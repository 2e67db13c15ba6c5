package org.retailhub.legacy.migration;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.migration.ColumnChecksums;
import org.retailhub.domain.migration.EntityOutcome;
import org.retailhub.domain.migration.EntityPlan;
import org.retailhub.domain.migration.MaskingKeyMissingException;
import org.retailhub.domain.migration.MigrationEntity;
import org.retailhub.domain.migration.MigrationJobs;
import org.retailhub.domain.migration.MigrationMask;
import org.retailhub.domain.migration.MigrationRequest;
import org.retailhub.domain.migration.SourceUnavailableException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemReader;
import org.springframework.batch.item.database.Order;
import org.springframework.batch.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The migration's bulk work as Spring Batch jobs ({@code migrate-<entity>}), one chunk-oriented step each: a paging
 * reader on the island's native table (keyset paging, its position saved with every chunk), the entity's
 * transformation (and masking), and {@link MigrationWriter} into the hub's database. Reader position, written rows,
 * quarantine and checksums commit together, so a job cut by a crash restarts from its last committed chunk.
 */
public class MigrationBatch implements MigrationJobs {

    private final Map<Island, DataSource> islands;
    private final JdbcTemplate hub;
    private final PlatformTransactionManager transactions;
    private final JobRepository repository;
    private final JobLauncher launcher;
    private final Optional<MigrationMask> mask;
    private final Clock clock;
    private final int partitions;

    /**
     * @param transactions the hub database's transaction manager, the one the job repository uses too
     * @param mask         empty when no masking key is configured: masked targets are refused
     * @param partitions   key ranges loaded side by side, each a job of its own
     */
    public MigrationBatch(Map<Island, DataSource> islands, JdbcTemplate hub, PlatformTransactionManager transactions, JobRepository repository,
                          JobLauncher launcher, Optional<MigrationMask> mask, Clock clock, int partitions) {
        this.islands = Map.copyOf(islands);
        this.hub = hub;
        this.transactions = transactions;
        this.repository = repository;
        this.launcher = launcher;
        this.mask = mask;
        this.clock = clock;
        this.partitions = partitions;
    }

    @Override
    public EntityPlan plan(MigrationEntity entity) {
        try {
            return source(entity).queryForObject("select count(*), coalesce(min(" + key(entity) + "), 0), coalesce(max(" + key(entity)
                    + "), 0) from " + from(entity), (rs, i) -> new EntityPlan(entity, rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        } catch (DataAccessException e) {
            throw new SourceUnavailableException(entity, e);
        }
    }

    @Override
    public boolean canMask() {
        return mask.isPresent();
    }

    @Override
    public void load(String runId, MigrationEntity entity, MigrationRequest request, int attempt) {
        EntityPlan plan = plan(entity); // an unreadable source fails here with its reason, before a job exists
        List<KeyRange> ranges = KeyRange.split(plan.firstKey(), plan.lastKey(), partitions);
        // each key range is a job of its own on a thread of its own: restartable alone, and outside the caller's
        // transaction (a process step's), which Spring Batch refuses to start a job in
        ExecutorService threads = Executors.newFixedThreadPool(ranges.size());
        try {
            List<Future<JobExecution>> running = ranges.stream()
                    .map(range -> threads.submit(() -> partition(runId, entity, request, attempt, range))).toList();
            List<JobExecution> completed = new ArrayList<>();
            RuntimeException failed = null;
            for (Future<JobExecution> partition : running) {
                try {
                    completed.add(partition.get());
                } catch (ExecutionException e) {
                    failed = failed != null ? failed
                            : e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
            if (failed != null) {
                throw failed;
            }
            for (int i = 0; i < ranges.size(); i++) {
                record(runId, entity, attempt, ranges.get(i), completed.get(i));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(entity + " load interrupted", e);
        } finally {
            threads.shutdown();
        }
    }

    /** One key range's job: done already, or resumed after a crash, or started. */
    private JobExecution partition(String runId, MigrationEntity entity, MigrationRequest request, int attempt, KeyRange range) {
        String jobName = "migrate-" + entity.name().toLowerCase().replace('_', '-');
        JobParameters parameters = new JobParametersBuilder().addString("runId", runId).addLong("attempt", (long) attempt)
                .addLong("partition", (long) range.partition()).addLong("fromKey", range.from()).addLong("toKey", range.to())
                .addString("target", request.target().name()).addLong("chunkSize", (long) request.chunkSize())
                .addString("dryRun", Boolean.toString(request.dryRun())).toJobParameters();
        JobExecution last = repository.getLastJobExecution(jobName, parameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            return last;
        }
        if (last != null && last.getStatus().isRunning()) {
            abandon(last);
        }
        return run(jobName, parameters, runId, entity, request, attempt, range);
    }

    private JobExecution run(String jobName, JobParameters parameters, String runId, MigrationEntity entity, MigrationRequest request, int attempt,
                             KeyRange range) {
        MigrationMask masking = request.target().masked() ? mask.orElseThrow(MaskingKeyMissingException::new) : null;
        MigrationWriter writer = new MigrationWriter(hub, runId, entity, request.target(), request.dryRun(), attempt);
        Job job = new JobBuilder(jobName, repository).start(switch (entity) {
            case SALES -> step(entity, request, reader(entity, LegacySale.SELECT, LegacySale::read, runId, attempt, request, range),
                    new SaleTransformation(masking, LocalDate.now(clock), hubKeys("STORE"), hubKeys("ARTICLE")), writer);
            case LOYALTY_ACCOUNTS -> step(entity, request, reader(entity, LegacyLoyaltyAccount.SELECT, LegacyLoyaltyAccount::read, runId,
                    attempt, request, range), new LoyaltyAccountTransformation(masking, LocalDate.now(clock)), writer);
            case CUSTOMERS -> step(entity, request, reader(entity, LegacyCustomer.SELECT, LegacyCustomer::read, runId, attempt, request, range),
                    new CustomerTransformation(masking), writer);
            case ARTICLES -> step(entity, request, reader(entity, LegacyArticle.SELECT, LegacyArticle::read, runId, attempt, request, range),
                    new ArticleTransformation(erpSkus()), writer);
        }).build();
        try {
            JobExecution execution = launcher.run(job, parameters);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException(entity + " load ended " + execution.getStatus() + ": " + execution.getAllFailureExceptions().stream()
                        .map(Throwable::getMessage).findFirst().orElse(execution.getExitStatus().getExitDescription()));
            }
            return execution;
        } catch (org.springframework.batch.core.JobExecutionException e) {
            throw new IllegalStateException(entity + " load could not start: " + e.getMessage(), e);
        }
    }

    private <S> org.springframework.batch.core.Step step(MigrationEntity entity, MigrationRequest request, ItemReader<S> reader,
                                                         Function<S, RowOutcome> transformation, MigrationWriter writer) {
        return new StepBuilder(stepName(entity), repository)
                .<S, RowOutcome>chunk(request.chunkSize(), transactions)
                .reader(reader).processor(transformation::apply).writer(writer).build();
    }

    /** Attempt 1 reads every row of the key range; a retry only the rows this run's quarantine holds for the entity. */
    private <S> ItemReader<S> reader(MigrationEntity entity, String select, RowReader<S> rows, String runId, int attempt,
                                     MigrationRequest request, KeyRange range) {
        JdbcPagingItemReaderBuilder<S> reader = new JdbcPagingItemReaderBuilder<S>()
                .name(entity.name().toLowerCase() + "-source").dataSource(islands.get(entity.island()))
                .selectClause(select).fromClause(from(entity)).sortKeys(Map.of(key(entity), Order.ASCENDING))
                .pageSize(request.chunkSize()).fetchSize(request.chunkSize()).saveState(true)
                .rowMapper((rs, i) -> rows.read(rs));
        String where = key(entity) + " between :fromKey and :toKey";
        Map<String, Object> values = new HashMap<>(Map.of("fromKey", range.from(), "toKey", range.to()));
        if (attempt > 1) {
            List<Long> keys = hub.queryForList("select source_key from hub.migration_quarantine where run_id = ? and entity = ?", Long.class,
                    runId, entity.name());
            where += " and " + key(entity) + " = any(cast(string_to_array(:keys, ',') as bigint[]))";
            values.put("keys", keys.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        }
        reader.whereClause(where).parameterValues(values);
        try {
            var built = reader.build();
            built.afterPropertiesSet(); // not a bean: what the container would call
            return built;
        } catch (Exception e) {
            throw new SourceUnavailableException(entity, e);
        }
    }

    /** Reads one source row. */
    @FunctionalInterface
    private interface RowReader<S> {
        S read(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    /**
     * An execution still marked running when this step runs again belongs to a hub that died in the middle: the process's
     * job (held by one live instance at a time) is the only one that runs this load. Marked failed, it can be restarted.
     */
    private void abandon(JobExecution stale) {
        LocalDateTime now = LocalDateTime.now(clock);
        for (StepExecution step : stale.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription("the hub running it stopped"));
                step.setEndTime(now);
                repository.update(step);
            }
        }
        stale.setStatus(BatchStatus.FAILED);
        stale.setExitStatus(ExitStatus.FAILED.addExitDescription("the hub running it stopped"));
        stale.setEndTime(now);
        repository.update(stale);
    }

    /** Keeps what the completed job committed (counts, checksums, time spent over all its executions) for validation. */
    private void record(String runId, MigrationEntity entity, int attempt, KeyRange range, JobExecution completed) {
        // read back with its execution context: a job execution found in the repository comes without its steps' contexts
        StepExecution step = repository.getLastStepExecution(completed.getJobInstance(), stepName(entity));
        double seconds = repository.findJobExecutions(completed.getJobInstance()).stream()
                .filter(e -> e.getStartTime() != null)
                .mapToDouble(e -> Duration.between(e.getStartTime(), e.getEndTime() != null ? e.getEndTime() : e.getLastUpdated()).toMillis() / 1000.0)
                .sum();
        hub.update("""
                insert into hub.migration_load (run_id, entity, attempt, key_range, read_rows, loaded_rows, checksums, load_seconds)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (run_id, entity, attempt, key_range) do nothing""",
                runId, entity.name(), attempt, range.partition(), step.getExecutionContext().getLong(MigrationWriter.READ, 0),
                step.getExecutionContext().getLong(MigrationWriter.LOADED, 0),
                step.getExecutionContext().getString(MigrationWriter.CHECKSUMS, new ColumnChecksums(entity.columns()).toText()), seconds);
    }

    @Override
    public EntityOutcome validate(String runId, MigrationEntity entity, MigrationRequest request) {
        return new MigrationValidation(hub, transactions).validate(runId, entity, request, plan(entity).rows());
    }

    /** The hub's key per POS number of a kind (STORE, ARTICLE), from the key cross-reference. */
    private Map<Integer, String> hubKeys(String kind) {
        Map<Integer, String> keys = new HashMap<>();
        hub.query("select native_key, hub_key from hub.key_xref where kind = ? and island = 'POS'", rs -> {
            keys.put(Integer.parseInt(rs.getString(1)), rs.getString(2));
        }, kind);
        return keys;
    }

    /** The hub's SKU per ERP material number, from the key cross-reference. */
    private Map<String, String> erpSkus() {
        Map<String, String> skus = new HashMap<>();
        hub.query("select native_key, hub_key from hub.key_xref where kind = 'ARTICLE' and island = 'ERP'", rs -> {
            skus.put(rs.getString(1), rs.getString(2));
        });
        return skus;
    }

    private static String stepName(MigrationEntity entity) {
        return "load-" + entity.name().toLowerCase().replace('_', '-');
    }

    private JdbcTemplate source(MigrationEntity entity) {
        return new JdbcTemplate(islands.get(entity.island()));
    }

    private static String key(MigrationEntity entity) {
        return switch (entity) {
            case SALES -> LegacySale.KEY;
            case LOYALTY_ACCOUNTS -> LegacyLoyaltyAccount.KEY;
            case CUSTOMERS -> LegacyCustomer.KEY;
            case ARTICLES -> LegacyArticle.KEY;
        };
    }

    /** The island's table (or a view of it with a numeric key) the entity is read from. */
    private static String from(MigrationEntity entity) {
        return switch (entity) {
            case SALES -> LegacySale.FROM;
            case LOYALTY_ACCOUNTS -> LegacyLoyaltyAccount.FROM;
            case CUSTOMERS -> LegacyCustomer.FROM;
            case ARTICLES -> LegacyArticle.FROM;
        };
    }
}
