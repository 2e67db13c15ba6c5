package org.retailhub.processes.recovery;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
import org.springframework.dao.DataAccessException;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the jobs of a hub instance that died back to the living. Camunda's job executor locks each job it acquires
 * under its lock owner for its lock time (5 minutes); a killed instance never unlocks them, so its orders would sit
 * out that time. Here every instance writes a heartbeat under its lock owner into {@code hub.hub_instance}. An
 * instance whose heartbeat is older than {@code staleAfter} is dead: a living instance forgets it and releases its
 * job locks in one statement (raising each job's revision, so a completion by the supposedly dead owner would fail on
 * Camunda's optimistic lock instead of committing twice), then wakes its own job acquisition.
 * <p>
 * A long step of a live instance keeps its lock however long it runs, as long as that instance beats: the lock time
 * stays Camunda's. An instance releases nothing until it has itself beaten for two intervals in a row, so after a
 * database outage every live peer gets the chance to beat again first. Locks of an owner that never registered (a hub
 * of an older version) are left to expire.
 */
@Component
public class JobLockRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobLockRecovery.class);

    private final JdbcTemplate jdbc;
    private final JobExecutor jobExecutor;
    private final JobLockRecoveryProperties properties;
    private final String host = hostName();
    private ScheduledExecutorService heart;
    /** Since when this instance's heartbeats succeed without a gap; null after a failed one. */
    private volatile Instant beatingSince;

    public JobLockRecovery(JdbcTemplate jdbc, JobExecutor jobExecutor, JobLockRecoveryProperties properties) {
        this.jdbc = jdbc;
        this.jobExecutor = jobExecutor;
        this.properties = properties;
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
        log.info("Hub instance {} (job lock owner {}) beats every {}; peers silent for {} are taken as dead",
                host + "/" + ProcessHandle.current().pid(), jobExecutor.getLockOwner(), properties.heartbeatInterval(),
                properties.staleAfter());
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
        try {
            Boolean inserted = jdbc.queryForObject("""
                    insert into hub.hub_instance (lock_owner, host, pid) values (?, ?, ?)
                    on conflict (lock_owner) do update set heartbeat_at = now()
                    returning (xmax = 0)""", Boolean.class, jobExecutor.getLockOwner(), host, ProcessHandle.current().pid());
            if (Boolean.TRUE.equals(inserted) && beatingSince != null) {
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
        if (jobs > 0) {
            jobExecutor.jobWasAdded();
        }
        return jobs;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
