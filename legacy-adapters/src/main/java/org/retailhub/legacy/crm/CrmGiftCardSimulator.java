package org.retailhub.legacy.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.retailhub.legacy.simulator.LoopbackJsonServer;

/**
 * The CRM's gift card service over HTTP, as the hub sees it: a vault that swaps a card number for an opaque token
 * ({@code POST /crm/giftcards/tokens}, the same token for the same number), then balance, redemption (idempotent per
 * {@code Idempotency-Key}) and reversal by token only. Seeded with demo cards: {@code 6036000000000001} (50.00 EUR),
 * {@code 6036000000000002} (500.00 EUR), {@code 6036000000000003} (empty). Card numbers never appear in answers
 * beyond their last four digits.
 */
public final class CrmGiftCardSimulator implements AutoCloseable {

    private record Redemption(String id, String card, BigDecimal amount, boolean reversed) {
    }

    private final LoopbackJsonServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, BigDecimal> balances = new ConcurrentHashMap<>();
    private final Map<String, Redemption> redemptions = new ConcurrentHashMap<>();
    private final Map<String, byte[]> idempotent = new ConcurrentHashMap<>();
    /** The vault: token → card number, and back. */
    private final Map<String, String> cardsByToken = new ConcurrentHashMap<>();
    private final Map<String, String> tokensByCard = new ConcurrentHashMap<>();

    private CrmGiftCardSimulator(int port) {
        balances.put("6036000000000001", new BigDecimal("50.00"));
        balances.put("6036000000000002", new BigDecimal("500.00"));
        balances.put("6036000000000003", new BigDecimal("0.00"));
        this.server = LoopbackJsonServer.start(port, "crm-simulator", "/crm", this::handle);
    }

    public static CrmGiftCardSimulator start(int port) {
        return new CrmGiftCardSimulator(port);
    }

    public URI baseUrl() {
        return server.baseUrl();
    }

    public BigDecimal balance(String card) {
        return balances.get(card);
    }

    public void setBalance(String card, BigDecimal balance) {
        balances.put(card, balance);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/"); // "", crm, giftcards|redemptions, token|id|"tokens", [op]
            if ("POST".equals(exchange.getRequestMethod()) && path.length == 4 && "tokens".equals(path[3])) {
                String number = json.readTree(exchange.getRequestBody().readAllBytes()).path("number").asText("");
                boolean valid = number.matches("[0-9]{12,19}");
                reply(exchange, valid ? 200 : 400, valid ? Map.of("token", tokenOf(number), "last4", number.substring(number.length() - 4))
                        : Map.of("error", "not a card number"));
                return;
            }
            if ("GET".equals(exchange.getRequestMethod()) && path.length == 4 && "giftcards".equals(path[2])) {
                String card = cardsByToken.get(path[3]);
                BigDecimal balance = card == null ? null : balances.get(card);
                reply(exchange, balance == null ? 404 : 200, balance == null
                        ? Map.of("error", "unknown gift card")
                        : Map.of("card", masked(card), "balance", balance.toPlainString(), "currency", "EUR"));
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (!"POST".equals(exchange.getRequestMethod()) || path.length != 5 || key == null) {
                reply(exchange, 400, Map.of("error", "unsupported request"));
                return;
            }
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            byte[] answer = idempotent.computeIfAbsent(key, k -> write(
                    "giftcards".equals(path[2]) ? redeem(cardsByToken.get(path[3]), new BigDecimal(body.path("amount").asText("0"))) : reverse(path[3])));
            LoopbackJsonServer.send(exchange, 200, answer);
        }
    }

    /** Like a payment vault: random, meaningless tokens, one per card number. */
    private String tokenOf(String number) {
        return tokensByCard.computeIfAbsent(number, n -> {
            String token = "gct_" + UUID.randomUUID().toString().replace("-", "");
            cardsByToken.put(token, n);
            return token;
        });
    }

    private synchronized Map<String, Object> redeem(String card, BigDecimal amount) {
        Map<String, Object> answer = new LinkedHashMap<>();
        BigDecimal balance = card == null ? null : balances.get(card);
        if (balance == null || balance.compareTo(amount) < 0 || amount.signum() <= 0) {
            answer.put("status", "DECLINED");
            answer.put("reason", balance == null ? "unknown gift card" : "gift card balance too low");
            return answer;
        }
        Redemption r = new Redemption("red_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), card, amount, false);
        redemptions.put(r.id(), r);
        balances.put(card, balance.subtract(amount));
        answer.put("id", r.id());
        answer.put("status", "CAPTURED");
        answer.put("amount", amount.toPlainString());
        return answer;
    }

    private synchronized Map<String, Object> reverse(String redemptionId) {
        Redemption r = redemptions.get(redemptionId);
        if (r == null) {
            return Map.of("status", "DECLINED", "reason", "unknown redemption");
        }
        if (!r.reversed()) {
            balances.merge(r.card(), r.amount(), BigDecimal::add);
            redemptions.put(r.id(), new Redemption(r.id(), r.card(), r.amount(), true));
        }
        return Map.of("id", r.id(), "status", "VOIDED");
    }

    private static String masked(String card) {
        return "************" + card.substring(card.length() - 4);
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        LoopbackJsonServer.send(exchange, status, write(body));
    }

    @Override
    public void close() {
        server.close();
    }
}
