package org.retailhub.connectors.party;

import java.net.URI;
import java.time.Duration;

/**
 * The one shape of every outbound party's settings (PSP, CRM gift cards, CRM customers, ERP): each party's own
 * validated {@code @ConfigurationProperties} record implements it under its own prefix, so each gets its own
 * time-outs, retries and simulator switch, and {@link PartyClient} reads them all the same way.
 */
public interface PartyConnection {

    /** Where the party answers (ignored while its simulator runs in-process). */
    URI baseUrl();

    /** TCP connect time-out per call. */
    Duration connectTimeout();

    /** Time-out for one request. */
    Duration readTimeout();

    /** Tries per call; I/O errors, time-outs and 5xx are retried with the same idempotency key. */
    int maxAttempts();

    /** Pause between two tries. */
    Duration retryWait();

    /** Whether the embedded default runs this party's simulator in-process ({@code hub.<party>.simulator}). */
    boolean simulator();

    /** The in-process simulator's port; 0 = any free port. */
    int simulatorPort();
}
