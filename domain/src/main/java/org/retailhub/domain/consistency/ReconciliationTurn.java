package org.retailhub.domain.consistency;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One reconciliation run at a time, on every hub instance sharing the database: a run about to start first waits for
 * this transaction-scoped advisory lock, so two starts decide one after the other and the second sees the first.
 */
public class ReconciliationTurn {

    private final JdbcTemplate jdbc;

    public ReconciliationTurn(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other start is deciding; held until the caller's transaction ends. Must be called inside a transaction. */
    public void await() {
        jdbc.query("select pg_advisory_xact_lock(hashtext('retailhub-reconciliation-turn'))", rs -> { });
    }
}
