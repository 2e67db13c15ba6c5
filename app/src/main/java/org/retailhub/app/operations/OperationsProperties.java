package org.retailhub.app.operations;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the hub measures for its operators ({@code hub.operations.*}, docs/operations.md).
 *
 * @param meterRefresh how often the meters read from the database (orders, payments, incidents, dead letters, KPIs)
 *                     and from Kafka (consumer lag) are read again; Prometheus scrapes in between see the last reading
 * @param repurchaseRefresh how often the repurchase rate is counted again (it reads the whole sales history of the
 *                          window, and moves by the day)
 */
@Validated
@ConfigurationProperties("hub.operations")
public record OperationsProperties(@NotNull @DefaultValue("PT15S") Duration meterRefresh,
                                   @NotNull @DefaultValue("PT10M") Duration repurchaseRefresh) {
}
