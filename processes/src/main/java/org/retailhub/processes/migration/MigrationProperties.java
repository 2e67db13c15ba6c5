package org.retailhub.processes.migration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the data migration.
 *
 * @param maskingKey            the secret the masked copy's values are derived from (FF1 and keyed hashes), from the
 *                              environment ({@code HUB_MIGRATION_MASKING_KEY}), never from the repository; blank: masked
 *                              runs refuse to start
 * @param rejectThresholdPercent above this share of an entity's rows in quarantine, the run waits for an operator
 * @param partitions            key ranges of an entity loaded side by side, each a batch job of its own (cores of the hub)
 */
@Validated
@ConfigurationProperties("hub.migration")
public record MigrationProperties(String maskingKey,
                                  @DecimalMin("0") @DecimalMax("100") @DefaultValue("5") double rejectThresholdPercent,
                                  @Min(1) @Max(16) @DefaultValue("2") int partitions) {

    @Override
    public String toString() {
        return "MigrationProperties[maskingKey=" + (maskingKey == null || maskingKey.isBlank() ? "(none)" : "(set)")
                + ", rejectThresholdPercent=" + rejectThresholdPercent + ", partitions=" + partitions + "]";
    }
}
