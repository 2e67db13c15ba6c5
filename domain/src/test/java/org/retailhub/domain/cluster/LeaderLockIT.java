package org.retailhub.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.support.HubDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances' leader locks on one real PostgreSQL: one leads, the other waits; when the leader's session ends as
 * when its process is killed, the other takes the lead at its next try, and the old leader learns it lost it.
 */
class LeaderLockIT {

    private static HubDatabase db;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startDatabase() {
        db = HubDatabase.start();
        jdbc = new JdbcTemplate(db.dataSource());
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @Test
    void oneInstanceLeadsAndTheOtherTakesOverWhenItsSessionDies() throws Exception {
        AtomicReference<Connection> firstSession = new AtomicReference<>();
        try (LeaderLock first = new LeaderLock("rfid-intake", () -> {
                 firstSession.set(newSession());
                 return firstSession.get();
             });
             LeaderLock second = new LeaderLock("rfid-intake", LeaderLockIT::newSession);
             LeaderLock other = new LeaderLock("something-else", LeaderLockIT::newSession)) {
            assertThat(first.tryLead()).isTrue();
            assertThat(second.tryLead()).as("one leader at a time").isFalse();
            assertThat(first.tryLead()).as("the leader keeps the lead").isTrue();
            assertThat(other.tryLead()).as("locks of other work are apart").isTrue();

            int pid = firstSession.get().unwrap(org.postgresql.PGConnection.class).getBackendPID();
            // as a killed process's session ends; with a timeout PostgreSQL answers once the backend is gone (and its advisory
            // locks with it): without one it only signals, and the other instance's next try could come first
            assertThat(jdbc.queryForObject("select pg_terminate_backend(?, 10000)", Boolean.class, pid)).isTrue();

            assertThat(second.tryLead()).as("the other instance takes over").isTrue();
            assertThat(first.tryLead()).as("the old leader learns it lost the lead").isFalse();
            assertThat(first.leading()).isFalse();

            second.close();
            assertThat(first.tryLead()).as("a lead given up is taken at the next try").isTrue();
        }
    }

    /** A connection of its own, as the hub opens for its locks. */
    private static Connection newSession() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(((com.zaxxer.hikari.HikariDataSource) db.dataSource()).getJdbcUrl(), "postgres", "postgres");
    }
}
