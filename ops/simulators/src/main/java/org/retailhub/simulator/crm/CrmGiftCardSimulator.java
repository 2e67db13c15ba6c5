package org.retailhub.simulator.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.retailhub.simulator.Simulator;
import org.retailhub.simulator.SimulatorServer;
import org.retailhub.simulator.SimulatorState;

/**
 * The CRM's gift card service over HTTP, as the hub sees it: a vault that swaps a card number for an opaque token
 * ({@code POST /crm/giftcards/tokens}, the same token for the same number), then balance, redemption (idempotent per
 * {@code Idempotency-Key}) and reversal by token only. Seeded on its first start with demo cards:
 * {@code 6036000000000001} (50.00 EUR), {@code 6036000000000002} (500.00 EUR), {@code 6036000000000003} (empty).
 * Card numbers never appear in answers beyond their last four digits. Balances, redemptions, tokens and answers are
 * kept in its state folder and survive a restart.
 */
public final class CrmGiftCardSimulator implements Simulator {

    /** A redemption as the CRM books it. */
    record Redemption(String id, String card, BigDecimal amount, boolean reversed) {
    }

    private final SimulatorState state;
    private final SimulatorState.Table<BigDecimal> balances;
    private final SimulatorState.Table<Redemption> redemptions;
    private final SimulatorState.Table<String> replies;
    /** The vault: token → card number, and back. */
    private final SimulatorState.Table<String> cardsByToken;
    private final SimulatorState.Table<String> tokensByCard;
    private final ObjectMapper json = new ObjectMapper();
    private final SimulatorServer server;

    private CrmGiftCardSimulator(int port, SimulatorState state) {
        this.state = state;
        this.balances = state.table("balances", BigDecimal.class);
        this.redemptions = state.table("redemptions", Redemption.class);
        this.replies = state.table("replies", String.class);
        this.cardsByToken = state.table("cards-by-token", String.class);
        this.tokensByCard = state.table("tokens-by-card", String.class);
        state.write(() -> Map.of("6036000000000001", "50.00", "6036000000000002", "500.00", "6036000000000003", "0.00")
                .forEach((card, balance) -> {
                    if (balances.get(card) == null) {
                        balances.put(card, new BigDecimal(balance));
                    }
                }));
        this.server = SimulatorServer.start("crm-simulator", port, 32, Map.of("/crm", this::handle));
    }

    /** Starts on {@code port} (0: any free port) with its state in {@code stateDir}. */
    public static CrmGiftCardSimulator start(int port, Path stateDir) {
        return new CrmGiftCardSimulator(port, SimulatorState.open(stateDir));
    }

    /** Starts with a throw-away state (a temporary folder, deleted on close). */
    public static CrmGiftCardSimulator start(int port) {
        return new CrmGiftCardSimulator(port, SimulatorState.throwAway("crm-gift-cards"));
    }

    @Override
    public URI baseUrl() {
        return server.baseUrl();
    }

    public BigDecimal balance(String card) {
        return state.read(() -> balances.get(card));
    }

    public void setBalance(String card, BigDecimal balance) {
        state.write(() -> balances.put(card, balance));
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
                String card = state.read(() -> cardsByToken.get(path[3]));
                BigDecimal balance = card == null ? null : balance(card);
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
            String answer = state.once(replies, key, () -> write("giftcards".equals(path[2])
                    ? redeem(cardsByToken.get(path[3]), new BigDecimal(body.path("amount").asText("0"))) : reverse(path[3])));
            SimulatorServer.send(exchange, 200, answer.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Like a payment vault: random, meaningless tokens, one per card number. */
    private String tokenOf(String number) {
        return state.write(() -> {
            String token = tokensByCard.get(number);
            if (token == null) {
                token = "gct_" + UUID.randomUUID().toString().replace("-", "");
                cardsByToken.put(token, number);
                tokensByCard.put(number, token);
            }
            return token;
        });
    }

    private Map<String, Object> redeem(String card, BigDecimal amount) {
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

    private Map<String, Object> reverse(String redemptionId) {
        Redemption r = redemptions.get(redemptionId);
        if (r == null) {
            return Map.of("status", "DECLINED", "reason", "unknown redemption");
        }
        if (!r.reversed()) {
            balances.put(r.card(), balances.get(r.card()).add(r.amount()));
            redemptions.put(r.id(), new Redemption(r.id(), r.card(), r.amount(), true));
        }
        return Map.of("id", r.id(), "status", "VOIDED");
    }

    private static String masked(String card) {
        return "************" + card.substring(card.length() - 4);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        SimulatorServer.send(exchange, status, write(body).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
        state.close();
    }
}
