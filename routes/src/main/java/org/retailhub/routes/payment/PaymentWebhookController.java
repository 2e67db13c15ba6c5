package org.retailhub.routes.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.payment.PaymentUpdates;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.payment.WebhookSignature;
import org.retailhub.domain.shared.RefusedInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
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
 * checked before anything is read; the body is then read on its own ({@link WebhookEvent}: a body it refuses is
 * answered 400 with the reason, and nothing is looked up or stored); an event id seen before answers 200 without
 * effect; the outcome is stored and handed to the waiting payment process, whose next step runs asynchronously, so
 * the answer is fast. A failure after the body was read (database down) is not the body's fault: it reaches the
 * hub's error handling (5xx), so the provider sends the webhook again; so does a reference the hub has no payment for
 * yet (503 with {@code Retry-After}).
 */
@RestController
public class PaymentWebhookController {

    private static final int MAX_BODY = 64 * 1024;
    private static final String RETRY_AFTER_SECONDS = "5";

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
                                     @RequestBody(required = false) byte[] body) {
        if (!provider.equals(from)) {
            return problem(HttpStatus.NOT_FOUND, "unknown-provider", "Unknown payment provider", "no webhooks are expected from this provider");
        }
        byte[] signed = body == null ? new byte[0] : body;
        if (signed.length > MAX_BODY || !signature.verify(signatureHeader, signed, clock.instant())) {
            count("rejected-signature");
            return problem(HttpStatus.UNAUTHORIZED, "bad-signature", "Webhook signature invalid",
                    "the PSP-Signature header does not match the body or is outside the accepted time window");
        }
        WebhookEvent event;
        try {
            event = WebhookEvent.read(json, signed);
        } catch (RefusedInputException refused) {
            count("malformed");
            return problem(HttpStatus.BAD_REQUEST, "malformed-webhook", "Webhook not understood", refused.getMessage());
        }
        Boolean known = tx.execute(s -> apply(event));
        if (Boolean.FALSE.equals(known)) {
            // The provider only knows references the hub sent it. Unknown here means the hub's record of the payment is
            // not committed yet, or was rolled back by a crash and its step will run again: a final 4xx would make the
            // provider give up and the order wait for hub.orders.payment-timeout, so the provider is asked to send again.
            count("not-known-yet");
            ResponseEntity<ProblemDetail> later = problem(HttpStatus.SERVICE_UNAVAILABLE, "payment-not-known-yet", "Payment not known yet",
                    "no payment with reference " + event.reference() + " is recorded yet; send the webhook again");
            return ResponseEntity.status(later.getStatusCode()).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(later.getBody());
        }
        return ResponseEntity.ok().build();
    }

    private boolean apply(WebhookEvent event) {
        Payment payment = payments.find(event.reference()).orElse(null);
        if (payment == null) {
            return false;
        }
        if (!payments.firstSighting(provider, event.eventId(), event.reference())) {
            count("replayed");
            return true;
        }
        payments.record(event.reference(), new ProviderAnswer(event.providerPaymentId(), event.status(), event.reason(), null));
        count(updates.providerAnswered(event.reference()) ? "correlated" : "recorded");
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
