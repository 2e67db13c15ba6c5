package org.retailhub.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.retailhub.app.embedded.EmbeddedPostgresServer;
import org.retailhub.processes.recovery.JobLockRecovery;
import org.retailhub.processes.recovery.JobLockRecoveryProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@link JobLockRecovery} releases, against a real PostgreSQL with Camunda's job table reduced to its lock
 * columns: a peer that stopped beating loses its locks, a peer that beats keeps a lock however old (a long step is
 * never taken from a live instance), and a restart of the database server frees this instance's own locks taken until
 * a heartbeat saw the new server (discarding the pool's old sessions first), not those taken after.
 */
class JobLockRecoveryIT {

    private static final Duration BEAT = Duration.ofMillis(500);

    @TempDir
    Path folder;

    @Test
    void deadPeersLoseTheirLocksLivePeersKeepThemAndADatabaseRestartFreesWhatItCut() throws IOException {
        Path data = folder.resolve("postgres");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, 0);
        int port = postgres.port();
        JobLockRecovery live = null;
        try {
            JdbcTemplate jdbc = hubDatabase(port);
            jdbc.execute("create schema hub");
            jdbc.execute(new ClassPathResource("db/hub/V60__hub_instances.sql").getContentAsString(StandardCharsets.UTF_8));
            jdbc.execute("create table act_ru_job (id_ varchar(64) primary key, rev_ integer not null, lock_owner_ varchar(255), lock_exp_time_ timestamp)");
            JobExecutor mine = new DefaultJobExecutor();
            JobExecutor deadPeer = new DefaultJobExecutor();
            JobExecutor livePeer = new DefaultJobExecutor();
            Instant longAgo = Instant.now().minus(Duration.ofMinutes(4));
            lock(jdbc, "step-of-dead-peer", deadPeer, Instant.now());
            lock(jdbc, "long-step-of-live-peer", livePeer, longAgo);
            jdbc.update("insert into hub.hub_instance (lock_owner, host, pid, heartbeat_at) values (?, 'elsewhere', 1, now() - interval '1 minute'), "
                    + "(?, 'elsewhere', 2, now())", deadPeer.getLockOwner(), livePeer.getLockOwner());

            java.util.concurrent.atomic.AtomicInteger discards = new java.util.concurrent.atomic.AtomicInteger();
            live = new JobLockRecovery(jdbc, mine, new JobLockRecoveryProperties(BEAT, BEAT.multipliedBy(4)), discards::incrementAndGet);
            live.start();
            // the live peer keeps beating while its long step runs
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                jdbc.update("update hub.hub_instance set heartbeat_at = now() where lock_owner = ?", livePeer.getLockOwner());
                assertThat(owner(jdbc, "step-of-dead-peer")).isNull();
            });
            assertThat(owner(jdbc, "long-step-of-live-peer")).isEqualTo(livePeer.getLockOwner());
            assertThat(jdbc.queryForObject("select rev_ from act_ru_job where id_ = 'step-of-dead-peer'", Integer.class))
                    .as("revision raised, so the dead owner could not complete it any more").isEqualTo(2);
            assertThat(jdbc.queryForList("select lock_owner from hub.hub_instance", String.class))
                    .containsExactlyInAnyOrder(mine.getLockOwner(), livePeer.getLockOwner());

            lock(jdbc, "cut-by-restart", mine, Instant.now().minusSeconds(5));
            postgres.close();
            postgres = EmbeddedPostgresServer.start(data, port);
            await().atMost(Duration.ofSeconds(30)).until(() -> owner(jdbc, "cut-by-restart") == null);
            assertThat(discards).as("the pool's sessions of the old server discarded").hasValue(1);
            lock(jdbc, "taken-after-seen", mine, Instant.now());
            await().during(BEAT.multipliedBy(4)).atMost(Duration.ofSeconds(10)).until(() -> mine.getLockOwner().equals(owner(jdbc, "taken-after-seen")));
            assertThat(discards).hasValue(1);
        } finally {
            if (live != null) {
                live.stop();
            }
            postgres.close();
        }
    }

    /** A job as Camunda's acquisition leaves it: locked by the owner until acquisition + lock time. */
    private static void lock(JdbcTemplate jdbc, String job, JobExecutor owner, Instant acquired) {
        jdbc.update("insert into act_ru_job (id_, rev_, lock_owner_, lock_exp_time_) values (?, 1, ?, ?)", job, owner.getLockOwner(),
                Timestamp.from(acquired.plusMillis(owner.getLockTimeInMillis())));
    }

    private static String owner(JdbcTemplate jdbc, String job) {
        return jdbc.queryForObject("select lock_owner_ from act_ru_job where id_ = ?", String.class, job);
    }

    private static JdbcTemplate hubDatabase(int port) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL("jdbc:postgresql://localhost:" + port + "/" + EmbeddedPostgresServer.DATABASE);
        source.setUser(EmbeddedPostgresServer.ROLE);
        source.setPassword(EmbeddedPostgresServer.DEV_ONLY_PASSWORD);
        return new JdbcTemplate(source);
    }
}
