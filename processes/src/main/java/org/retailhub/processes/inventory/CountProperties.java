package org.retailhub.processes.inventory;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cycle count process ({@code hub.rfid.counts.*}).
 *
 * @param shrinkThreshold value of missing pieces at list price above which the store manager gets a task
 * @param scanTime        how long a count scans before it closes by itself, if nobody closes it
 */
@Validated
@ConfigurationProperties("hub.rfid.counts")
public record CountProperties(@NotNull @DecimalMin("0") @DefaultValue("100.00") BigDecimal shrinkThreshold,
                              @NotNull @DefaultValue("PT2H") Duration scanTime) {
}
