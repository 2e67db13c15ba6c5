package org.retailhub.app.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.retailhub.connectors.cdc.CdcEngines;
import org.retailhub.domain.consistency.Island;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether this instance captures each island's changes ({@code hub.cdc.capturing}, 1 or 0): summed over the instances,
 * every island should be captured by exactly one. Also the health indicator {@code cdc}, which shows the same per island;
 * it is always UP, since a standby instance (another holds the leader lock) is healthy. A hub without CDC
 * ({@code hub.cdc.enabled=false}) reports nothing.
 */
@Component("cdc")
class CaptureMeters implements HealthIndicator {

    private final ObjectProvider<CdcEngines> engines;

    CaptureMeters(ObjectProvider<CdcEngines> engines, MeterRegistry meters) {
        this.engines = engines;
        engines.ifAvailable(found -> found.capturing().keySet().forEach(island -> Gauge.builder("hub.cdc.capturing", found,
                        e -> Boolean.TRUE.equals(e.capturing().get(island)) ? 1 : 0)
                .description("1 while this instance holds the island's leader lock and runs its capture engine")
                .tag("island", island.name()).register(meters)));
    }

    @Override
    public Health health() {
        CdcEngines found = engines.getIfAvailable();
        if (found == null) {
            return Health.unknown().withDetail("cdc", "disabled").build();
        }
        Map<Island, Boolean> capturing = found.capturing();
        Health.Builder health = Health.up();
        capturing.forEach((island, running) -> health.withDetail(island.name(), running ? "capturing" : "standby"));
        return health.build();
    }
}
