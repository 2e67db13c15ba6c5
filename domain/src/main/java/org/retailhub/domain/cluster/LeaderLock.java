package org.retailhub.domain.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Which hub instance does work that only one may do at a time (the store readers' MQTT session, for one): a PostgreSQL
 * session-level advisory lock on the hub's database, held on a connection of its own, never one from the pool, since
 * closing that connection must end the session and with it the lock. An instance that dies, SIGKILL included, loses
 * its session and so the lock, and another instance takes it at its next {@link #tryLead()}. An instance whose session
 * broke (the database restarted, a network cut) learns at its next {@link #tryLead()} that it no longer leads.
 */
public final class LeaderLock implements AutoCloseable {

    /** Opens a new connection to the hub's database, outside any pool. */
    @FunctionalInterface
    public interface Sessions {
        Connection open() throws SQLException;
    }

    private final String name;
    private final Sessions sessions;
    private Connection session;
    private boolean leading;

    /** @param name what is led, the same on every instance ({@code rfid-intake}) */
    public LeaderLock(String name, Sessions sessions) {
        this.name = Objects.requireNonNull(name, "name");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /**
     * Whether this instance leads now: still holds the lock on a live session, or has just taken it. False when another
     * instance holds it or the database cannot be reached; never throws.
     */
    public synchronized boolean tryLead() {
        try {
            if (session != null && !session.isValid(5)) {
                release();
            }
            if (session == null) {
                session = sessions.open();
            }
            if (!leading) {
                try (PreparedStatement take = session.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
                    take.setString(1, name);
                    try (ResultSet taken = take.executeQuery()) {
                        leading = taken.next() && taken.getBoolean(1);
                    }
                }
            }
            return leading;
        } catch (SQLException unreachable) {
            release();
            return false;
        }
    }

    public synchronized boolean leading() {
        return leading;
    }

    /** Gives the lead up (ends the session): another instance may take it at once. */
    @Override
    public synchronized void close() {
        release();
    }

    private void release() {
        if (session != null && leading) {
            // unlocked in the session first: closing it alone ends the backend, and its lock, only a moment later
            try (PreparedStatement give = session.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
                give.setString(1, name);
                give.execute();
            } catch (SQLException alreadyGone) {
                // the session is gone, and the lock with it
            }
        }
        leading = false;
        if (session != null) {
            try {
                session.close();
            } catch (SQLException alreadyGone) {
                // the session ended anyway, and the lock with it
            }
            session = null;
        }
    }
}
