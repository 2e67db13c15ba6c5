package org.retailhub.connectors.lake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure one exporter writes the lake at a time, whatever the instances' configuration: a PostgreSQL advisory
 * lock held on a connection kept for that purpose (like the CDC engines' leader lock). The lock ends with that
 * session, so an instance that dies hands it on; an exporter that does not hold it skips its rounds.
 */
class LakeLeadership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LakeLeadership.class);
    private static final String LOCK = "retail-hub data lake exporter";

    private final DataSource dataSource;
    private Connection held;

    LakeLeadership(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether this exporter leads, taking the lock when it is free. */
    synchronized boolean leads() {
        try {
            if (held != null && held.isValid(5)) {
                return true;
            }
            close();
            Connection session = dataSource.getConnection();
            if (call(session, "select pg_try_advisory_lock(hashtext(?))")) {
                held = session;
                log.info("lake: this instance exports the lake");
                return true;
            }
            session.close();
            return false;
        } catch (SQLException e) {
            log.warn("lake: could not try the exporter's lock: {}", e.getMessage());
            close();
            return false;
        }
    }

    /** Gives the lock up (the session is a pooled one: it is unlocked before it goes back). */
    @Override
    public synchronized void close() {
        if (held == null) {
            return;
        }
        try (Connection session = held) {
            call(session, "select pg_advisory_unlock(hashtext(?))");
        } catch (SQLException e) {
            log.debug("lake: lock session already gone: {}", e.getMessage());
        }
        held = null;
    }

    private static boolean call(Connection session, String sql) throws SQLException {
        try (PreparedStatement lock = session.prepareStatement(sql)) {
            lock.setString(1, LOCK);
            try (ResultSet answer = lock.executeQuery()) {
                return answer.next() && answer.getBoolean(1);
            }
        }
    }
}
