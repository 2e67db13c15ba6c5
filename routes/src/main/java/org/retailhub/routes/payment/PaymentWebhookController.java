package org.retailhub.routes.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.PaymentUpdates;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.payment.WebhookSignature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payment provider webhooks. The signature (HMAC-SHA256 over timestamp and body) and a timestamp window are
 * checked before anything is read; an event id seen before answers 200 without effect; the outcome is stored
 * and handed to the waiting payment process, whose next step runs asynchronously, so the answer is fast.
 */
@RestController
public class PaymentWebhookController {

    private static final int MAX_BODY = 64 * 1024;

    private final String provider;
    private final WebhookSignature signature;
    private final PaymentRepository payments;
    private final PaymentUpdates updates;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    public PaymentWebhookController(@Value("${hub.payment.psp.provider:simpsp}") String provider, WebhookSignature signature,
                                    PaymentRepository payments, PaymentUpdates updates, PlatformTransactionManager transactions,
                                    ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.provider = provider;
        this.signature = signature;
        this.payments = payments;
        this.updates = updates;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    @PostMapping("/api/payments/webhooks/{provider}")
    public ResponseEntity<?> receive(@PathVariable("provider") String from,
                                     @RequestHeader(value = "PSP-Signature", required = false) String signatureHeader,
                                     @RequestBody byte[] body) {
        if (!provider.equals(from)) {
            return problem(HttpStatus.NOT_FOUND, "unknown-provider", "Unknown payment provider", "no webhooks are expected from this provider");
        }
        if (body.length > MAX_BODY || !signature.verify(signatureHeader, body, clock.instant())) {
            count("rejected-signature");
            return problem(HttpStatus.UNAUTHORIZED, "bad-signature", "Webhook signature invalid",
                    "the PSP-Signature header does not match the body or is outside the accepted time window");
        }
        JsonNode event;
        UUID paymentId;
        PaymentStatus status;
        try {
            event = json.readTree(body);
            paymentId = UUID.fromString(event.path("data").path("reference").asText());
            status = PaymentStatus.valueOf(event.path("data").path("status").asText());
        } catch (IOException | IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-webhook", "Webhook not understood", "event lacks a payment reference or status");
        }
        String eventId = event.path("id").asText();
        Boolean known = tx.execute(s -> apply(paymentId, eventId, event, status));
        if (Boolean.FALSE.equals(known)) {
            return problem(HttpStatus.NOT_FOUND, "payment-not-found", "Payment not found", "no payment with reference " + paymentId);
        }
        return ResponseEntity.ok().build();
    }

    private boolean apply(UUID paymentId, String eventId, JsonNode event, PaymentStatus status) {
        Payment payment = payments.find(paymentId).orElse(null);
        if (payment == null) {
            return false;
        }
        if (!payments.firstSighting(provider, eventId, paymentId)) {
            count("replayed");
            return true;
        }
        String reason = event.path("data").path("reason").asText("");
        payments.record(paymentId, new ProviderAnswer(event.path("data").path("paymentId").asText(null), status,
                reason.isBlank() ? null : reason, null));
        count(updates.providerAnswered(paymentId) ? "correlated" : "recorded");
        return true;
    }

    private void count(String result) {
        meters.counter("hub.payments.webhooks", "result", result).increment();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://retail-hub.org/problems/" + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
