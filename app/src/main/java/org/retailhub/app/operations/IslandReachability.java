package org.retailhub.app.operations;

import java.util.Map;
import org.retailhub.app.consistency.IslandDatabases;
import org.retailhub.domain.consistency.Island;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health indicator {@code islands}: DOWN while a legacy island's database does not answer, naming it. In no probe group:
 * orders go on without the islands (their changes wait in the replication slots), so no restart and no less traffic.
 */
@Component("islands")
class IslandReachability implements HealthIndicator {

    private final ObjectProvider<IslandDatabases> islands;

    IslandReachability(ObjectProvider<IslandDatabases> islands) {
        this.islands = islands;
    }

    @Override
    public Health health() {
        IslandDatabases databases = islands.getIfAvailable();
        if (databases == null) {
            return Health.unknown().build();
        }
        Map<Island, Boolean> reachable = databases.reachable();
        Health.Builder health = reachable.containsValue(false) ? Health.down() : Health.up();
        reachable.forEach((island, up) -> health.withDetail(island.name(), up ? "reachable" : "not answering"));
        return health.build();
    }
}
