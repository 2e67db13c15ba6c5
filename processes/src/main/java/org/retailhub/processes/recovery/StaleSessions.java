package org.retailhub.processes.recovery;

/**
 * The connection pool's answer to a database server restart: every pooled session of the old server is broken, and
 * each would fail the one statement that next uses it (a job's step, then the record of its failure). The application
 * gives the pool's own eviction; {@link JobLockRecovery} calls it as soon as it sees the new server.
 */
@FunctionalInterface
public interface StaleSessions {

    /** Closes the sessions opened on the old server: idle ones at once, busy ones when they are given back. */
    void discard();
}
