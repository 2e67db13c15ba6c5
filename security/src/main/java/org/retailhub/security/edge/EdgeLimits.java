package org.retailhub.security.edge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.security.limits.*}: what one caller may send. Each authenticated client (token subject or user) has its own
 * budget, so a flood from one channel does not starve the others; each IP address has a larger one that also covers
 * callers without credentials.
 *
 * @param perClient budget of one authenticated client
 * @param perIp     budget of one remote address, checked before any credential is looked at
 * @param maxBody   largest request body on {@code /api/**}
 * @param maxUpload largest request body elsewhere (model deployments through the engine API)
 */
@Validated
@ConfigurationProperties("hub.security.limits")
public record EdgeLimits(@Valid @DefaultValue({"500", "200", "PT1S"}) Budget perClient,
                         @Valid @DefaultValue({"2000", "1000", "PT1S"}) Budget perIp,
                         @NotNull @DefaultValue("256KB") DataSize maxBody,
                         @NotNull @DefaultValue("10MB") DataSize maxUpload) {

    /** A token bucket: at most {@code capacity} requests at once, refilled by {@code refill} every {@code period}. */
    public record Budget(@Min(1) long capacity, @Min(1) long refill, @NotNull Duration period) {
    }
}
