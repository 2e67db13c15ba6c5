package org.retailhub.processes.replenishment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.retailhub.domain.replenishment.ServiceLevels;
import org.retailhub.domain.shared.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of replenishment ({@code hub.replenishment.*}, docs/replenishment.md).
 *
 * @param schedule          when the daily run starts for every store: a Quartz-style cron expression (Camunda's timer cycle)
 * @param stores            the stores the daily run replenishes
 * @param approvalThreshold lines worth less than this (at purchase price) are approved without the buyer
 * @param currency          currency of the threshold
 * @param serviceLevel      cycle service level of every category not listed in {@code serviceLevels}
 * @param serviceLevels     cycle service level per article category
 * @param historyDays       days of sales history a forecast starts from
 * @param zone              the retailer's time zone: what "today" and a sales day are
 * @param lateAfter         how long after its due date an undelivered order goes to the buyer
 */
@Validated
@ConfigurationProperties("hub.replenishment")
public record ReplenishmentProperties(@NotNull @DefaultValue("0 0 6 * * ?") String schedule,
                                      @NotEmpty @DefaultValue({"STORE-001", "STORE-002", "WEB-DC"}) List<String> stores,
                                      @NotNull @DecimalMin("0") @DefaultValue("500.00") BigDecimal approvalThreshold,
                                      @NotNull @Pattern(regexp = "[A-Z]{3}") @DefaultValue("EUR") String currency,
                                      @DecimalMin("0.5") @DecimalMax("0.9999") @DefaultValue("0.95") double serviceLevel,
                                      Map<String, Double> serviceLevels,
                                      @Min(28) @DefaultValue("730") int historyDays,
                                      @NotNull @DefaultValue("Europe/Berlin") ZoneId zone,
                                      @NotNull @DefaultValue("P1D") Duration lateAfter) {

    public ReplenishmentProperties {
        serviceLevels = serviceLevels == null ? Map.of() : Map.copyOf(serviceLevels);
    }

    public ServiceLevels levels() {
        return new ServiceLevels(serviceLevels, serviceLevel);
    }

    public Money threshold() {
        return Money.of(approvalThreshold.toPlainString(), currency);
    }
}
