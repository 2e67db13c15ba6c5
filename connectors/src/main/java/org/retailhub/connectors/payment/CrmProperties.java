package org.retailhub.connectors.payment;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The CRM's gift card API.
 *
 * @param baseUrl       where the CRM answers (ignored while its simulator runs in-process)
 * @param simulator     run the CRM gift card simulator in-process (embedded default)
 * @param simulatorPort its port; 0 = any free port
 */
@Validated
@ConfigurationProperties("hub.crm")
public record CrmProperties(@NotNull @DefaultValue("http://localhost:8092") URI baseUrl,
                            @DefaultValue("true") boolean simulator,
                            @DefaultValue("8092") int simulatorPort) {
}
