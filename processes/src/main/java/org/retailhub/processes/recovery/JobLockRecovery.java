package org.retailhub.processes.recovery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives jobs that nobody runs any more back to the job executor at once, instead of after Camunda's lock time
 * (5 minutes). Camunda's job executor locks each job it acquires under its lock owner until it completed or failed it.
 * <ul>
 * <li><b>A killed instance</b> never unlocks its jobs. Every instance writes a heartbeat under its lock owner into
 * {@code hub.hub_instance}; one whose heartbeat is older than {@code staleAfter} is dead, and a living instance forgets
 * it and releases its job locks in one statement, then wakes its own job acquisition. An instance releases nothing
 * until it has itself beaten for two intervals in a row, so after a database outage every live peer gets the chance
 * to beat again first. Locks of an owner that never registered (a hub of an older version) are left to expire.</li>
 * <li><b>A restart of the database server</b> ends every session: the jobs this instance was running then could not
 * commit, and Camunda could not record their failure either (the database was gone), so they would stay locked by this
 * live instance; so would a job acquired from the new server that ran on a pooled session of the old one. The
 * heartbeat sees the server's start time change, discards the pool's old sessions ({@link StaleSessions}) and
 * releases this instance's own locks taken until then.</li>
 * </ul>
 * A release raises each job's revision, so should the owner still complete the job (a live instance taken for dead),
 * that completion fails on Camunda's optimistic lock instead of committing twice; the provider calls a step makes
 * again carry the same idempotency keys. A long step of a live instance keeps its lock however long it runs.
 */
@Component
public class JobLockRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobLockRecovery.class);

    private final JdbcTemplate jdbc;
    private final JobExecutor jobExecutor;
    private final JobLockRecoveryProperties properties;
    private final StaleSessions staleSessions;
    private final String host = hostName();
    private ScheduledExecutorService heart;
    /** Since when this instance's heartbeats succeed without a gap; null after a failed one. */
    private volatile Instant beatingSince;
    /** When the database server started, as the last heartbeat saw it. */
    private volatile Instant serverStarted;

    public JobLockRecovery(JdbcTemplate jdbc, JobExecutor jobExecutor, JobLockRecoveryProperties properties) {
        this(jdbc, jobExecutor, properties, () -> { });
    }

    @org.springframework.beans.factory.annotation.Autowired
    public JobLockRecovery(JdbcTemplate jdbc, JobExecutor jobExecutor, JobLockRecoveryProperties properties,
                           org.springframework.beans.factory.ObjectProvider<StaleSessions> staleSessions) {
        this(jdbc, jobExecutor, properties, staleSessions.getIfAvailable(() -> () -> { }));
    }

    public JobLockRecovery(JdbcTemplate jdbc, JobExecutor jobExecutor, JobLockRecoveryProperties properties, StaleSessions staleSessions) {
        this.jdbc = jdbc;
        this.jobExecutor = jobExecutor;
        this.properties = properties;
        this.staleSessions = staleSessions;
    }

    /** Registers this instance before its job executor acquires anything (that starts once the application is ready). */
    @Override
    public synchronized void start() {
        if (heart != null) {
            return;
        }
        heart = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hub-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beat();
        long every = properties.heartbeatInterval().toMillis();
        heart.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        log.info("Hub instance {}/{} (job lock owner {}) beats every {}; peers silent for {} are taken as dead",
                host, ProcessHandle.current().pid(), jobExecutor.getLockOwner(), properties.heartbeatInterval(), properties.staleAfter());
    }

    /** Beats no more; the row goes stale and the next living instance removes it with whatever locks are left. */
    @Override
    public synchronized void stop() {
        if (heart != null) {
            heart.shutdownNow();
            heart = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return heart != null;
    }

    void beat() {
        Instant beganAt = Instant.now();
        try {
            Map<String, Object> beat = jdbc.queryForMap("""
                    insert into hub.hub_instance (lock_owner, host, pid) values (?, ?, ?)
                    on conflict (lock_owner) do update set heartbeat_at = now()
                    returning (xmax = 0) as inserted, pg_postmaster_start_time() as server_started""",
                    jobExecutor.getLockOwner(), host, ProcessHandle.current().pid());
            Instant started = ((Timestamp) beat.get("server_started")).toInstant();
            if (serverStarted != null && !serverStarted.equals(started)) {
                // The server went down after the last beat that saw it. Jobs locked since then, from the new server, may
                // have run on a pooled session of the old one and failed without their failure being recorded (the record
                // takes a session too): they would stay locked for the lock time. So the old sessions go first, then the
                // locks of every job acquired until now; one still running on a good session completes against the
                // raised revision and cannot commit twice.
                staleSessions.discard();
                releaseOwnLocksTakenBefore(Instant.now());
            }
            serverStarted = started;
            if (Boolean.TRUE.equals(beat.get("inserted")) && beatingSince != null) {
                log.warn("A peer took this hub instance for dead (no heartbeat for {}) and released its job locks; jobs it was"
                        + " running may run again elsewhere, their effects are idempotent", properties.staleAfter());
            }
            Instant now = Instant.now();
            if (beatingSince == null) {
                beatingSince = now;
            } else if (Duration.between(beatingSince, now).compareTo(properties.heartbeatInterval().multipliedBy(2)) >= 0) {
                releaseDeadInstances();
            }
        } catch (DataAccessException e) {
            if (beatingSince != null) {
                log.warn("Hub heartbeat failed, will retry: {}", e.getMessage());
            }
            beatingSince = null;
        }
    }

    /** Forgets every instance silent for longer than {@code staleAfter} and releases its job locks, in one transaction. */
    int releaseDeadInstances() {
        List<Map<String, Object>> dead = jdbc.queryForList("""
                with dead as (
                    delete from hub.hub_instance
                     where lock_owner <> ? and heartbeat_at < now() - make_interval(secs => ?)
                    returning lock_owner, host, pid, heartbeat_at),
                released as (
                    update act_ru_job j set lock_owner_ = null, lock_exp_time_ = null, rev_ = j.rev_ + 1
                      from dead where j.lock_owner_ = dead.lock_owner
                    returning dead.lock_owner)
                select d.lock_owner, d.host, d.pid, d.heartbeat_at,
                       (select count(*) from released r where r.lock_owner = d.lock_owner) as jobs
                  from dead d""", jobExecutor.getLockOwner(), (double) properties.staleAfter().toMillis() / 1000);
        int jobs = 0;
        for (Map<String, Object> instance : dead) {
            jobs += ((Number) instance.get("jobs")).intValue();
            log.warn("Hub instance {}/{} (job lock owner {}) has not beaten since {}: released its {} locked jobs",
                    instance.get("host"), instance.get("pid"), instance.get("lock_owner"), instance.get("heartbeat_at"), instance.get("jobs"));
        }
        wakeAcquisition(jobs);
        return jobs;
    }

    /**
     * Releases this instance's locks on jobs it acquired before {@code cutoff}: after a database restart none of them
     * can still be running (their sessions ended with the server); a queued one that starts now runs against the raised
     * revision, so it cannot complete twice.
     */
    int releaseOwnLocksTakenBefore(Instant cutoff) {
        // Camunda sets a lock's expiry to acquisition + lock time, by this JVM's clock
        int jobs = jdbc.update("""
                update act_ru_job set lock_owner_ = null, lock_exp_time_ = null, rev_ = rev_ + 1
                 where lock_owner_ = ? and lock_exp_time_ < ?""",
                jobExecutor.getLockOwner(), Timestamp.from(cutoff.plusMillis(jobExecutor.getLockTimeInMillis())));
        log.warn("The database server restarted, cutting every session: released the {} jobs this instance had locked before", jobs);
        wakeAcquisition(jobs);
        return jobs;
    }

    private void wakeAcquisition(int releasedJobs) {
        if (releasedJobs > 0) {
            jobExecutor.jobWasAdded();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
