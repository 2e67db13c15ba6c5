package org.retailhub.connectors.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.retailhub.domain.payment.PaymentProviderUnavailableException;

/**
 * JSON over HTTP to a payment party (PSP, CRM) with the hub's rules: connect and read time-outs, retries of
 * I/O errors, time-outs and 5xx with the same idempotency key, and a circuit breaker. When retries run out or
 * the circuit is open the caller gets {@link PaymentProviderUnavailableException}.
 */
public class ResilientJsonCalls {

    /** A failure worth retrying: the other side may answer next time. */
    static final class TransientFailure extends RuntimeException {
        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String party;
    private final Duration readTimeout;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private String authorization;

    public ResilientJsonCalls(String party, Duration connectTimeout, Duration readTimeout, ObjectMapper json, Retry retry,
                              CircuitBreaker breaker) {
        this.party = party;
        this.readTimeout = readTimeout;
        this.json = json;
        this.retry = retry;
        this.breaker = breaker;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /**
     * The hub's standard resilience for one party: {@code maxAttempts} tries {@code retryWait} apart, and a circuit
     * that opens at 50 % failures over the last 20 calls for 10 s. Each party gets its own, so a CRM outage does not
     * open the PSP's circuit.
     */
    public static ResilientJsonCalls standard(String party, Duration connectTimeout, Duration readTimeout, int maxAttempts,
                                              Duration retryWait, ObjectMapper json) {
        Retry retry = Retry.of(party, RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .waitDuration(retryWait)
                .retryExceptions(TransientFailure.class)
                .build());
        CircuitBreaker breaker = CircuitBreaker.of(party, io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .recordExceptions(TransientFailure.class)
                .build());
        return new ResilientJsonCalls(party, connectTimeout, readTimeout, json, retry, breaker);
    }

    /** Signs every call in with HTTP Basic as {@code user} (a legacy system's API user); returns this. */
    public ResilientJsonCalls signedInAs(String user, String password) {
        this.authorization = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** POST with a JSON body and an idempotency key, or GET when {@code body} is null. */
    public JsonNode call(String method, URI uri, Object body, String idempotencyKey) {
        Supplier<JsonNode> once = () -> send(method, uri, body, idempotencyKey);
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, once)).get();
        } catch (TransientFailure | CallNotPermittedException e) {
            throw new PaymentProviderUnavailableException(party + " unavailable for " + method + " " + redact(uri.getPath()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Card-like numbers (12 or more digits, e.g. a gift card in a CRM path) must not reach logs or incident
     * messages in Cockpit: all but the last four digits are masked.
     */
    static String redact(String text) {
        return text == null ? null : text.replaceAll("\\d{8,}(\\d{4})", "****$1");
    }

    private JsonNode send(String method, URI uri, Object body, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (body != null) {
                request.header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                request.GET();
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 500) {
                throw new TransientFailure("HTTP " + response.statusCode(), null);
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(party + " refused " + method + " " + redact(uri.getPath()) + ": HTTP " + response.statusCode()
                        + " " + redact(new String(response.body(), StandardCharsets.UTF_8)));
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new TransientFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted", e);
        }
    }
}
