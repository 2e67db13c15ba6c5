package org.retailhub.connectors.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.shared.Money;

/**
 * HTTP client of the payment service provider. Connect and read time-outs bound every call; a failed call
 * (I/O error, time-out, 5xx) is retried with the same idempotency key, and a circuit breaker stops calling a
 * provider that keeps failing, so the hub's threads do not pile up behind it ({@link PartyClient}); then the payment
 * steps see {@link org.retailhub.domain.payment.PaymentProviderUnavailableException}.
 */
public class PspClient implements PaymentProvider {

    private final PartyClient calls;

    public PspClient(PartyClient calls) {
        this.calls = calls;
    }

    @Override
    public ProviderAnswer authorise(Payment payment, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", payment.id().toString());
        body.put("amount", payment.cardAmount().amount().toPlainString());
        body.put("currency", payment.amount().currency().getCurrencyCode());
        body.put("method", payment.method() == PaymentMethod.WALLET ? "WALLET" : "CARD");
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
    public ProviderAnswer cancelByReference(Payment payment, String idempotencyKey) {
        return call("POST", "/v1/payments/cancellations", Map.of("reference", payment.id().toString()), idempotencyKey);
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
        JsonNode answer = calls.call(method, path, body, idempotencyKey);
        return new ProviderAnswer(answer.path("id").asText(null), PaymentStatus.valueOf(answer.path("status").asText()),
                answer.hasNonNull("reason") ? answer.get("reason").asText() : null,
                answer.hasNonNull("redirectUrl") ? answer.get("redirectUrl").asText() : null);
    }

    private static String providerId(Payment payment) {
        if (payment.providerPaymentId() == null) {
            throw new IllegalStateException("payment " + payment.id() + " has no provider id yet");
        }
        return payment.providerPaymentId();
    }
}
