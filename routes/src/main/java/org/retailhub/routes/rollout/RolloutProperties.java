package org.retailhub.routes.rollout;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.retailhub.domain.rollout.StorePath;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pilot-store rollout ({@code hub.rollout.*}).
 *
 * @param defaultPath      the path of a store nobody routed through the API: {@code HUB} (the default) keeps what the
 *                         hub did before per-store routing existed; a rollout that starts from the legacy systems sets
 *                         {@code LEGACY}, so that only the stores an admin puts on the hub take it
 * @param handoverInterval how often orders of legacy-path stores are handed to the legacy ERP
 * @param handoverBatch    how many at a time
 * @param meterRefresh     how often {@code hub_store_route} and the hand-over backlog are read for the metrics
 */
@Validated
@ConfigurationProperties("hub.rollout")
public record RolloutProperties(@NotNull @DefaultValue("HUB") StorePath defaultPath,
                                @NotNull @DefaultValue("PT0.5S") Duration handoverInterval,
                                @Min(1) @Max(1000) @DefaultValue("50") int handoverBatch,
                                @NotNull @DefaultValue("PT10S") Duration meterRefresh) {
}
