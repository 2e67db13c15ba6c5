package org.retailhub.app.migration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated islands' history for the embedded default: when {@code simulator} is on and the islands' history tables
 * are empty, the hub fills them once with {@code LegacyHistoryGenerator} (seeded, defects planted). DEV-ONLY: a hub
 * against real islands must never write their history, and refuses to start with it on (FailClosedStart).
 */
@Validated
@ConfigurationProperties("hub.migration.history")
public record MigrationHistoryProperties(@DefaultValue("false") boolean simulator, @Min(0) @DefaultValue("2000") int accounts,
                                         @Min(0) @DefaultValue("20000") int sales, @DefaultValue("1") long seed) {
}
