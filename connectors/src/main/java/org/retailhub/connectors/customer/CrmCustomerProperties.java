package org.retailhub.connectors.customer;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.retailhub.connectors.party.PartyConnection;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The CRM's customer API ({@code hub.crm.customers.*}), through which the hub reads and writes customers. The hub
 * signs in as the CRM API user {@code RETAILHUB} (the CRM records it on every change: that is how CDC echoes are
 * recognised).
 *
 * @param baseUrl        where the CRM's customer API answers (ignored while its simulator runs in-process)
 * @param simulator      serve the CRM customer API in-process from the CRM island database (embedded default)
 * @param simulatorPort  its port; 0 (default) = any free port, logged at start
 * @param password       the API user's password
 * @param connectTimeout connect time-out per call
 * @param readTimeout    read time-out per call
 * @param maxAttempts    tries per call (I/O errors, time-outs and 5xx are retried)
 * @param retryWait      wait between two tries
 * @param pageSize       customers per page when reading them all (reconciliation)
 */
@Validated
@ConfigurationProperties("hub.crm.customers")
public record CrmCustomerProperties(@NotNull @DefaultValue("http://localhost:8094") URI baseUrl,
                                    @DefaultValue("true") boolean simulator,
                                    @Min(0) @DefaultValue("0") int simulatorPort,
                                    @NotBlank @DefaultValue("retailhub-dev-only") String password,
                                    @NotNull @DefaultValue("PT1S") Duration connectTimeout,
                                    @NotNull @DefaultValue("PT5S") Duration readTimeout,
                                    @Min(1) @DefaultValue("3") int maxAttempts,
                                    @NotNull @DefaultValue("PT0.2S") Duration retryWait,
                                    @Min(1) @DefaultValue("200") int pageSize) implements PartyConnection {

    /** The party's name in logs, errors, its circuit breaker and {@link org.retailhub.connectors.party.PartyAddress}. */
    public static final String PARTY = "crm-customers";
}
