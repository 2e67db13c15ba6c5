package org.retailhub.connectors.party;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.retailhub.domain.order.OrderTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over HTTP to one outside party (PSP, CRM, ERP) with the hub's rules: connect and read time-outs, retries of
 * I/O errors, time-outs and 5xx with the same idempotency key, and a circuit breaker of the party's own, so one
 * party's outage never opens another's circuit. When retries run out or the circuit is open the caller gets the
 * party's own typed error ({@link Unavailable}); a refusal (3xx/4xx) is a {@link PartyRefusedException}. A call made
 * for an order (a process step's, {@link OrderTrace}) carries the order's trace to the party as a W3C {@code traceparent}
 * header, and each call is logged (DEBUG when answered, WARN when it failed) with the path's card numbers masked.
 */
public class PartyClient {

    private static final Logger log = LoggerFactory.getLogger(PartyClient.class);

    /** Makes the error a party's callers expect when it cannot be reached, e.g. {@code ErpUnavailableException::new}. */
    @FunctionalInterface
    public interface Unavailable {
        RuntimeException of(String message, Throwable cause);
    }

    /** A failure worth retrying: the other side may answer next time. */
    public static final class TransientFailure extends RuntimeException {
        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String party;
    private final Supplier<URI> baseUrl;
    private final Duration readTimeout;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Unavailable unavailable;
    private String authorization;

    public PartyClient(String party, Supplier<URI> baseUrl, Duration connectTimeout, Duration readTimeout, ObjectMapper json, Retry retry,
                       CircuitBreaker breaker, Unavailable unavailable) {
        this.party = party;
        this.baseUrl = baseUrl;
        this.readTimeout = readTimeout;
        this.json = json;
        this.retry = retry;
        this.breaker = breaker;
        this.unavailable = unavailable;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /**
     * The hub's standard resilience for one party, from its settings: {@code maxAttempts} tries {@code retryWait} apart,
     * and a circuit that opens at 50 % failures over the last 20 calls for 10 s. The party answers at its in-process
     * simulator's address when {@code inProcess} names one, else at its configured base URL.
     */
    public static PartyClient standard(String party, PartyConnection settings, List<PartyAddress> inProcess, ObjectMapper json,
                                       Unavailable unavailable) {
        Retry retry = Retry.of(party, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .waitDuration(settings.retryWait())
                .retryExceptions(TransientFailure.class)
                .build());
        CircuitBreaker breaker = CircuitBreaker.of(party, CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .recordExceptions(TransientFailure.class)
                .build());
        return new PartyClient(party, at(party, settings, inProcess), settings.connectTimeout(), settings.readTimeout(), json, retry, breaker,
                unavailable);
    }

    /** The party's in-process address when one is registered under its name, else its configured base URL. */
    static Supplier<URI> at(String party, PartyConnection settings, List<PartyAddress> inProcess) {
        return inProcess.stream().filter(a -> a.party().equals(party)).findFirst().<Supplier<URI>>map(PartyAddress::baseUrl)
                .orElse(settings::baseUrl);
    }

    public String party() {
        return party;
    }

    /** Whether calls go through (CLOSED), are refused for a while after too many failures (OPEN), or are being tried again (HALF_OPEN). */
    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    /** Signs every call in with HTTP Basic as {@code user} (a legacy system's API user); returns this. */
    public PartyClient signedInAs(String user, String password) {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * {@code method} (POST, PUT) with a JSON body and an idempotency key, or GET when {@code body} is null, to
     * {@code path} under the party's address; answers the parsed JSON.
     */
    public JsonNode call(String method, String path, Object body, String idempotencyKey) {
        return resilient(method, path, uri -> send(method, uri, body, idempotencyKey));
    }

    /**
     * {@code POST} of a document that is not JSON (an ERP's IDoc XML) of {@code contentType}, with an idempotency key,
     * under the same rules; answers the party's answer as it came.
     */
    public byte[] post(String path, byte[] document, String contentType, String idempotencyKey) {
        return resilient("POST", path, uri -> exchange("POST", uri, document, contentType, idempotencyKey));
    }

    private <T> T resilient(String method, String path, java.util.function.Function<URI, T> send) {
        URI uri = baseUrl.get().resolve(path);
        Supplier<T> once = () -> send.apply(uri);
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, once)).get();
        } catch (TransientFailure | CallNotPermittedException e) {
            throw unavailable.of(party + " unavailable for " + method + " " + redact(uri.getPath()) + ": " + e.getMessage(), e);
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
            return json.readTree(exchange(method, uri, body == null ? null : json.writeValueAsBytes(body), "application/json", idempotencyKey));
        } catch (IOException e) {
            throw new TransientFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, String method, URI uri) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("{} {} {} failed: {}", party, method, redact(uri.getPath()), e.getClass().getSimpleName());
            throw e;
        }
    }

    private void logAnswer(String method, URI uri, int status, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (status >= 300) {
            log.warn("{} {} {} answered HTTP {} in {} ms", party, method, redact(uri.getPath()), status, millis);
        } else if (log.isDebugEnabled()) {
            log.debug("{} {} {} answered HTTP {} in {} ms", party, method, redact(uri.getPath()), status, millis);
        }
    }

    private byte[] exchange(String method, URI uri, byte[] body, String contentType, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", contentType);
            OrderTrace.traceparent().ifPresent(trace -> request.header("traceparent", trace));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (body != null) {
                request.header("Content-Type", contentType).header("Idempotency-Key", idempotencyKey)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            } else {
                request.GET();
            }
            long started = System.nanoTime();
            HttpResponse<byte[]> response = send(request.build(), method, uri);
            logAnswer(method, uri, response.statusCode(), started);
            if (response.statusCode() >= 500) {
                throw new TransientFailure("HTTP " + response.statusCode(), null);
            }
            if (response.statusCode() >= 300) {
                throw new PartyRefusedException(party, response.statusCode(), party + " refused " + method + " " + redact(uri.getPath())
                        + ": HTTP " + response.statusCode() + " " + redact(new String(response.body(), StandardCharsets.UTF_8)));
            }
            return response.body();
        } catch (IOException e) {
            throw new TransientFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted", e);
        }
    }
}
