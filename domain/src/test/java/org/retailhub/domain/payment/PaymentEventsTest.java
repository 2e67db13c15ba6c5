package org.retailhub.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.shared.Money;

/** What a payment's status change puts on the payments topic: the canonical event, keyed by its order, without the card. */
class PaymentEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");

    private final Outbox outbox = mock(Outbox.class);
    private final PaymentEvents events = new PaymentEvents(outbox, Clock.fixed(NOW, ZoneOffset.UTC), "payments.events");

    @Test
    void aDeclinedSplitPaymentIsPublishedWithItsReasonAndWithoutTheGiftCard() throws Exception {
        UUID order = UUID.randomUUID();
        Payment payment = new Payment(UUID.randomUUID(), order, PaymentMethod.SPLIT, Money.of("39.80", "EUR"), PaymentStatus.DECLINED,
                "psp_991", null, "insufficient funds", "gct-secret-token", Money.of("10.00", "EUR"), "crm-redemption-7");

        events.changed(payment);

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(outbox).append(eq("payments.events"), eq(order.toString()), eq("PaymentDeclined"), sent.capture());
        JsonNode json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .valueToTree(sent.getValue());
        assertThat(json.get("type").asText()).isEqualTo("PaymentDeclined");
        assertThat(json.get("paymentId").asText()).isEqualTo(payment.id().toString());
        assertThat(json.get("method").asText()).isEqualTo("SPLIT");
        assertThat(json.get("amount").decimalValue()).isEqualByComparingTo("39.80");
        assertThat(json.get("currency").asText()).isEqualTo("EUR");
        assertThat(json.get("reason").asText()).isEqualTo("insufficient funds");
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-12-01T10:15:30Z");
        assertThat(json.toString()).as("no card data, not the provider's id").doesNotContain("gct-secret-token", "crm-redemption-7", "psp_991");
    }
}
