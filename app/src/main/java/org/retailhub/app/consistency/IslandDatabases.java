package org.retailhub.app.consistency;

import com.zaxxer.hikari.HikariDataSource;
import java.util.EnumMap;
import java.util.Map;
import org.retailhub.domain.consistency.Island;
import org.retailhub.legacy.island.IslandSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/** One small connection pool per legacy island database; each island's schema is migrated when the pool opens. */
public final class IslandDatabases implements AutoCloseable {

    private final Map<Island, HikariDataSource> pools = new EnumMap<>(Island.class);

    IslandDatabases(IslandsProperties islands, String captureRole) {
        islands.all().forEach((island, login) -> {
            HikariDataSource ds = new HikariDataSource();
            ds.setPoolName("island-" + island.name().toLowerCase());
            ds.setJdbcUrl(login.url());
            ds.setUsername(login.username());
            ds.setPassword(login.password());
            ds.setMaximumPoolSize(4);
            pools.put(island, ds);
            IslandSchema.migrate(island, ds, captureRole);
        });
    }

    public JdbcTemplate pos() {
        return new JdbcTemplate(pools.get(Island.POS));
    }

    public JdbcTemplate erp() {
        return new JdbcTemplate(pools.get(Island.ERP));
    }

    public JdbcTemplate crm() {
        return new JdbcTemplate(pools.get(Island.CRM));
    }

    /** Whether each island's database answers a trivial query (health indicator {@code islands}). */
    public Map<Island, Boolean> reachable() {
        Map<Island, Boolean> reachable = new EnumMap<>(Island.class);
        pools.forEach((island, pool) -> {
            try {
                new JdbcTemplate(pool).queryForObject("select 1", Integer.class);
                reachable.put(island, true);
            } catch (RuntimeException e) {
                reachable.put(island, false);
            }
        });
        return reachable;
    }

    /** The island's pool itself, for the data migration's paging readers. */
    public javax.sql.DataSource dataSource(Island island) {
        return pools.get(island);
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
    }
}
