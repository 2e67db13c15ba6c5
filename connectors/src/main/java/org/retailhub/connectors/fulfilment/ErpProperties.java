package org.retailhub.connectors.fulfilment;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.retailhub.connectors.party.PartyConnection;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The ERP's delivery intake ({@code hub.erp.*}).
 *
 * @param baseUrl        where the ERP answers (ignored while its simulator runs in-process)
 * @param connectTimeout TCP connect time-out
 * @param readTimeout    time-out for one request
 * @param maxAttempts    attempts per call, retried with the same idempotency key
 * @param retryWait      pause between attempts
 * @param simulator      run the ERP delivery simulator in-process (embedded default)
 * @param simulatorPort  its port; 0 = any free port
 */
@Validated
@ConfigurationProperties("hub.erp")
public record ErpProperties(@NotNull @DefaultValue("http://localhost:8093") URI baseUrl,
                            @NotNull @DefaultValue("PT1S") Duration connectTimeout,
                            @NotNull @DefaultValue("PT5S") Duration readTimeout,
                            @Min(1) @DefaultValue("3") int maxAttempts,
                            @NotNull @DefaultValue("PT0.2S") Duration retryWait,
                            @DefaultValue("true") boolean simulator,
                            @Min(0) @DefaultValue("8093") int simulatorPort) implements PartyConnection {

    /** The party's name in logs, errors, its circuit breaker and {@link org.retailhub.connectors.party.PartyAddress}. */
    public static final String PARTY = "erp";
}
