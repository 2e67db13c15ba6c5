package org.retailhub.domain.rollout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.retailhub.domain.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which path each store's orders take ({@code hub.store_route}), switched at run time by an admin and audited. A store
 * without a row takes {@code defaultPath}. Order acceptance reads the path inside its own transaction, so an order
 * takes the path committed when it was accepted: a switch under traffic sends each order one way, never both.
 */
public class StoreRoutes {

    private static final String ROUTES = "select s.store_id, r.path, r.changed_at, r.changed_by, r.reason "
            + "from hub.store s left join hub.store_route r on r.store_id = s.store_id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail trail;
    private final StorePath defaultPath;

    public StoreRoutes(JdbcTemplate jdbc, TransactionTemplate transactions, AuditTrail trail, StorePath defaultPath) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.trail = trail;
        this.defaultPath = defaultPath;
    }

    /** The path of a store's next order; in the caller's transaction. */
    public StorePath pathOf(String storeId) {
        return jdbc.query("select path from hub.store_route where store_id = ?", (rs, i) -> StorePath.valueOf(rs.getString(1)), storeId)
                .stream().findFirst().orElse(defaultPath);
    }

    /** @throws UnknownStoreException when the hub knows no such store */
    public StoreRoute route(String storeId) {
        return jdbc.query(ROUTES + " where s.store_id = ?", (rs, i) -> read(rs), storeId).stream().findFirst()
                .orElseThrow(() -> new UnknownStoreException(storeId));
    }

    /** Every store the hub knows, by id, routed or on the default path. */
    public List<StoreRoute> every() {
        return jdbc.query(ROUTES + " order by s.store_id", (rs, i) -> read(rs));
    }

    /** The path new stores and stores nobody routed take. */
    public StorePath defaultPath() {
        return defaultPath;
    }

    /**
     * Puts a store on {@code path} and records who did it, from which path and why, in one transaction. Setting the
     * path a store already has changes nothing and records nothing.
     *
     * @throws UnknownStoreException when the hub knows no such store
     */
    public StoreRoute change(String storeId, StorePath path, String actor, String reason) {
        return transactions.execute(tx -> {
            // the store row is the lock: two admins switching one store at once are put one after the other
            Optional<String> store = jdbc.query("select store_id from hub.store where store_id = ? for update",
                    (rs, i) -> rs.getString(1), storeId).stream().findFirst();
            StorePath from = pathOf(store.orElseThrow(() -> new UnknownStoreException(storeId)));
            if (from != path) {
                jdbc.update("""
                        insert into hub.store_route (store_id, path, changed_at, changed_by, reason) values (?, ?, now(), ?, ?)
                        on conflict (store_id) do update set path = excluded.path, changed_at = excluded.changed_at,
                               changed_by = excluded.changed_by, reason = excluded.reason""",
                        storeId, path.name(), actor, reason);
                trail.record(actor, "store-route-changed", "store", storeId, from + " -> " + path + ": " + reason);
            }
            return route(storeId);
        });
    }

    private StoreRoute read(ResultSet rs) throws SQLException {
        String path = rs.getString("path");
        return path == null ? new StoreRoute(rs.getString("store_id"), defaultPath, false, null, null, null)
                : new StoreRoute(rs.getString("store_id"), StorePath.valueOf(path), true, rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by"), rs.getString("reason"));
    }
}
