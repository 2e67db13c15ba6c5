package org.retailhub.processes.pricing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of order pricing.
 *
 * @param timeZone the zone in which an order's arrival becomes the "order date" of the promotions' date windows
 *                 (a window that ends on 30 November ends at midnight there)
 * @param demandRemembered how long an article's forecast daily demand is kept for the stock cover input
 *                 ({@code stockCoverDays}) before it is forecast again; stock on hand is read for every order
 */
@Validated
@ConfigurationProperties("hub.pricing")
public record PricingProperties(@NotNull @DefaultValue("Europe/Berlin") ZoneId timeZone,
                                @NotNull @DefaultValue("PT10M") Duration demandRemembered) {
}
