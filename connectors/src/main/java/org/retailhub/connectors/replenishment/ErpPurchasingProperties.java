package org.retailhub.connectors.replenishment;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.retailhub.connectors.party.PartyConnection;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The ERP's IDoc inbound for purchasing ({@code hub.erp.purchasing.*}): where purchase orders go.
 *
 * @param baseUrl             where the ERP's inbound answers (ignored while its simulator runs in-process)
 * @param connectTimeout      TCP connect time-out
 * @param readTimeout         time-out for one request
 * @param maxAttempts         attempts per IDoc, retried with the same reference
 * @param retryWait           pause between attempts
 * @param simulator           run the ERP purchasing simulator in-process (embedded default), on the ERP island's database
 * @param simulatorPort       its port; 0 (the default) = any free port, named in the log
 * @param simulatorDeliveryAfter how long after an order the simulated ERP warehouse posts its goods receipt (0: never;
 *                            tests post receipts themselves)
 */
@Validated
@ConfigurationProperties("hub.erp.purchasing")
public record ErpPurchasingProperties(@NotNull @DefaultValue("http://localhost:8095") URI baseUrl,
                                      @NotNull @DefaultValue("PT1S") Duration connectTimeout,
                                      @NotNull @DefaultValue("PT10S") Duration readTimeout,
                                      @Min(1) @DefaultValue("3") int maxAttempts,
                                      @NotNull @DefaultValue("PT0.5S") Duration retryWait,
                                      @DefaultValue("true") boolean simulator,
                                      @Min(0) @DefaultValue("0") int simulatorPort,
                                      @NotNull @DefaultValue("PT2M") Duration simulatorDeliveryAfter) implements PartyConnection {

    /** The party's name in logs, errors, its circuit breaker and {@link org.retailhub.connectors.party.PartyAddress}. */
    public static final String PARTY = "erp-purchasing";
}
