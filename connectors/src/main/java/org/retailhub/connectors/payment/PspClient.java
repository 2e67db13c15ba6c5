package org.retailhub.connectors.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.payment.PaymentProviderUnavailableException;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.pricing.Money;

/**
 * HTTP client of the payment service provider. Connect and read time-outs bound every call; a failed call
 * (I/O error, time-out, 5xx) is retried with the same idempotency key, and a circuit breaker stops calling a
 * provider that keeps failing, so the hub's threads do not pile up behind it.
 */
public class PspClient implements PaymentProvider {

    /** A failure worth retrying: the provider may answer next time. */
    static final class TransientProviderError extends RuntimeException {
        TransientProviderError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Supplier<URI> baseUrl;
    private final PspProperties properties;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public PspClient(Supplier<URI> baseUrl, PspProperties properties, ObjectMapper json, Retry retry, CircuitBreaker breaker) {
        this.baseUrl = baseUrl;
        this.properties = properties;
        this.json = json;
        this.retry = retry;
        this.breaker = breaker;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    @Override
    public ProviderAnswer authorise(Payment payment, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", payment.id().toString());
        body.put("amount", payment.amount().amount().toPlainString());
        body.put("currency", payment.amount().currency().getCurrencyCode());
        body.put("method", payment.method().name());
        return call("POST", "/v1/payments", body, idempotencyKey);
    }

    @Override
    public ProviderAnswer capture(Payment payment, String idempotencyKey) {
        return call("POST", "/v1/payments/" + providerId(payment) + "/capture", Map.of(), idempotencyKey);
    }

    @Override
    public ProviderAnswer voidAuthorisation(Payment payment, String idempotencyKey) {
        return call("POST", "/v1/payments/" + providerId(payment) + "/void", Map.of(), idempotencyKey);
    }

    @Override
    public ProviderAnswer refund(Payment payment, Money amount, String idempotencyKey) {
        return call("POST", "/v1/payments/" + providerId(payment) + "/refunds",
                Map.of("amount", amount.amount().toPlainString()), idempotencyKey);
    }

    @Override
    public ProviderAnswer status(Payment payment) {
        return call("GET", "/v1/payments/" + providerId(payment), null, null);
    }

    private ProviderAnswer call(String method, String path, Object body, String idempotencyKey) {
        Supplier<ProviderAnswer> once = () -> send(method, path, body, idempotencyKey);
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, once)).get();
        } catch (TransientProviderError | CallNotPermittedException e) {
            throw new PaymentProviderUnavailableException("payment provider unavailable for " + method + " " + path + ": " + e.getMessage(), e);
        }
    }

    private ProviderAnswer send(String method, String path, Object body, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.get().resolve(path)).timeout(properties.readTimeout())
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                request.GET();
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 500) {
                throw new TransientProviderError("HTTP " + response.statusCode(), null);
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("payment provider refused " + method + " " + path + ": HTTP " + response.statusCode()
                        + " " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            JsonNode answer = json.readTree(response.body());
            return new ProviderAnswer(answer.path("id").asText(null), PaymentStatus.valueOf(answer.path("status").asText()),
                    answer.hasNonNull("reason") ? answer.get("reason").asText() : null,
                    answer.hasNonNull("redirectUrl") ? answer.get("redirectUrl").asText() : null);
        } catch (IOException e) {
            throw new TransientProviderError(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientProviderError("interrupted", e);
        }
    }

    private static String providerId(Payment payment) {
        if (payment.providerPaymentId() == null) {
            throw new IllegalStateException("payment " + payment.id() + " has no provider id yet");
        }
        return payment.providerPaymentId();
    }
}
