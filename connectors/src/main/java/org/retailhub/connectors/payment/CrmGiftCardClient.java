package org.retailhub.connectors.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.order.GiftCardToken;
import org.retailhub.domain.payment.GiftCards;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.shared.Money;

/**
 * The CRM's gift card API through the hub's {@link PartyClient} (its own time-outs, retries and circuit breaker,
 * {@code hub.crm.*}). The payment steps see an unreachable CRM as they see an unreachable PSP:
 * {@link org.retailhub.domain.payment.PaymentProviderUnavailableException}.
 */
public class CrmGiftCardClient implements GiftCards {

    private final PartyClient calls;

    public CrmGiftCardClient(PartyClient calls) {
        this.calls = calls;
    }

    @Override
    public GiftCardToken tokenise(String cardNumber) {
        // a fresh key: the vault answers the same token for the same number anyway, and the key must not derive from it
        JsonNode answer = calls.call("POST", "/crm/giftcards/tokens", Map.of("number", cardNumber),
                "tokenise:" + UUID.randomUUID());
        return new GiftCardToken(answer.path("token").asText(), answer.path("last4").asText());
    }

    @Override
    public Money balance(String cardToken) {
        JsonNode answer = calls.call("GET", "/crm/giftcards/" + cardToken, null, null);
        return Money.of(answer.path("balance").asText(), answer.path("currency").asText("EUR"));
    }

    @Override
    public ProviderAnswer redeem(String cardToken, Money amount, String idempotencyKey) {
        JsonNode answer = calls.call("POST", "/crm/giftcards/" + cardToken + "/redemptions",
                Map.of("amount", amount.amount().toPlainString(), "currency", amount.currency().getCurrencyCode()), idempotencyKey);
        return new ProviderAnswer(answer.path("id").asText(null), PaymentStatus.valueOf(answer.path("status").asText()),
                answer.hasNonNull("reason") ? answer.get("reason").asText() : null, null);
    }

    @Override
    public void reverse(String redemptionId, String idempotencyKey) {
        calls.call("POST", "/crm/redemptions/" + redemptionId + "/reversal", Map.of(), idempotencyKey);
    }
}
