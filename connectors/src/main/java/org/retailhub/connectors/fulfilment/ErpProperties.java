package org.retailhub.connectors.fulfilment;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The ERP's delivery intake.
 *
 * @param baseUrl       where the ERP answers (ignored while its simulator runs in-process)
 * @param simulator     run the ERP delivery simulator in-process (embedded default)
 * @param simulatorPort its port; 0 = any free port
 * @param readTimeout   time-out for one request; calls are retried three times with the same idempotency key
 */
@Validated
@ConfigurationProperties("hub.erp")
public record ErpProperties(@NotNull @DefaultValue("http://localhost:8093") URI baseUrl,
                            @DefaultValue("true") boolean simulator,
                            @DefaultValue("8093") int simulatorPort,
                            @NotNull @DefaultValue("PT5S") Duration readTimeout) {
}
