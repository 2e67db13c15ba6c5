package org.retailhub.routes.payment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.shared.RefusedInputException;

/**
 * A payment provider's webhook body, read strictly before anything is looked up:
 * <pre>{"id":"evt_…","type":"payment.updated","data":{"reference":"&lt;hub payment id&gt;","paymentId":"pay_…","status":"AUTHORISED","reason":"…"}}</pre>
 * A field given twice, a field of the wrong JSON type, a missing or odd event id, a reference that is not the hub's
 * payment id or an unknown status is refused with the reason.
 *
 * @param eventId           the provider's event id (replays are recognised by it)
 * @param reference         the hub's payment id
 * @param providerPaymentId the provider's payment id, if it sent one
 * @param status            the payment's new status
 * @param reason            the provider's reason (declines), if any
 */
public record WebhookEvent(String eventId, UUID reference, String providerPaymentId, PaymentStatus status, String reason) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_REASON = 200;

    /** Reads a body; throws {@link RefusedInputException} with what is wrong. */
    public static WebhookEvent read(ObjectMapper json, byte[] body) {
        return RefusedInputException.whileReading("webhook body", () -> {
            JsonNode event = readTree(json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION), body);
            JsonNode data = event.path("data");
            String eventId = text(event, "id");
            if (eventId == null || !ID.matcher(eventId).matches()) {
                throw new RefusedInputException("event lacks an id of 1-64 characters A-Z, a-z, 0-9, '.', '_', ':' or '-'");
            }
            String reference = text(data, "reference");
            String status = text(data, "status");
            if (reference == null || status == null) {
                throw new RefusedInputException("event lacks a payment reference or status");
            }
            String providerPaymentId = text(data, "paymentId");
            if (providerPaymentId != null && !ID.matcher(providerPaymentId).matches()) {
                throw new RefusedInputException("data.paymentId must be 1-64 characters A-Z, a-z, 0-9, '.', '_', ':' or '-'");
            }
            return new WebhookEvent(eventId, uuid(reference), providerPaymentId, status(status), reason(text(data, "reason")));
        });
    }

    private static JsonNode readTree(ObjectReader reader, byte[] body) {
        try {
            JsonNode event = reader.readTree(body);
            if (event == null || !event.isObject()) {
                throw new RefusedInputException("webhook body is not a JSON object");
            }
            return event;
        } catch (IOException e) {
            throw new RefusedInputException("webhook body is not valid JSON", e);
        }
    }

    /** A string field's value; null when absent or JSON null; refused when of another JSON type. */
    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new RefusedInputException(field + " must be a string");
        }
        return node.asText();
    }

    /** The provider's reason as the hub stores it: at most 200 characters, no NUL (PostgreSQL text holds none). */
    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        return (reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason).replace('\u0000', '\uFFFD');
    }

    private static UUID uuid(String reference) {
        try {
            UUID id = UUID.fromString(reference);
            if (!id.toString().equals(reference.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException(reference);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new RefusedInputException("data.reference is not a payment reference of the hub");
        }
    }

    private static PaymentStatus status(String status) {
        try {
            return PaymentStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new RefusedInputException("data.status is not a payment status");
        }
    }
}
