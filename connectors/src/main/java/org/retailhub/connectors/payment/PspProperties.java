package org.retailhub.connectors.payment;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import org.retailhub.connectors.party.PartyConnection;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The payment service provider and the hub's client for it ({@code hub.payment.psp.*}).
 *
 * @param provider         name in webhook URLs ({@code /api/payments/webhooks/{provider}})
 * @param baseUrl          the provider's API (ignored while the simulator runs in-process)
 * @param connectTimeout   TCP connect time-out
 * @param readTimeout      time-out for one request
 * @param maxAttempts      attempts per call, retried with the same idempotency key
 * @param retryWait        pause between attempts
 * @param webhookSecret    HMAC secret shared with the provider. The default is a DEV-ONLY value: set your own.
 * @param webhookTolerance how far a webhook's timestamp may be from now
 * @param simulator        run the PSP simulator in-process (embedded default)
 * @param simulatorPort    its port; 0 = any free port
 * @param simulatorWebhookDelay how long the simulator takes to decide a pending payment and send the webhook
 * @param simulatorLatency      how long the simulator takes to answer any request
 */
@Validated
@ConfigurationProperties("hub.payment.psp")
public record PspProperties(@NotBlank @DefaultValue("simpsp") String provider,
                            @NotNull @DefaultValue("http://localhost:8091") URI baseUrl,
                            @NotNull @DefaultValue("PT1S") Duration connectTimeout,
                            @NotNull @DefaultValue("PT2S") Duration readTimeout,
                            @Min(1) @DefaultValue("3") int maxAttempts,
                            @NotNull @DefaultValue("PT0.2S") Duration retryWait,
                            @NotBlank @Size(min = 16) @DefaultValue("dev-only-webhook-secret-change-me") String webhookSecret,
                            @NotNull @DefaultValue("PT5M") Duration webhookTolerance,
                            @DefaultValue("true") boolean simulator,
                            @Min(0) @DefaultValue("8091") int simulatorPort,
                            @NotNull @DefaultValue("PT2S") Duration simulatorWebhookDelay,
                            @NotNull @DefaultValue("PT0.05S") Duration simulatorLatency) implements PartyConnection {

    /** The party's name in logs, errors, its circuit breaker and {@link org.retailhub.connectors.party.PartyAddress}. */
    public static final String PARTY = "psp";
}
