package org.retailhub.legacy.island;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.retailhub.domain.consistency.Island;

/**
 * Creates a legacy island's native schema and today's (inconsistent) data in its own database, from
 * {@code db/legacy/<island>}, and lets the hub's capture role read it.
 */
public final class IslandSchema {

    private IslandSchema() {
    }

    public static void migrate(Island island, DataSource database, String captureRole) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/legacy/" + island.name().toLowerCase())
                .placeholders(Map.of("cdcRole", captureRole))
                .load()
                .migrate();
    }
}
