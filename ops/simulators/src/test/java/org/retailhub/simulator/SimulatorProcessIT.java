package org.retailhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailhub.domain.payment.WebhookSignature;

/**
 * Each simulator as a process of its own, killed with SIGKILL ({@code destroyForcibly}) and started again on the same
 * state folder: everything it answered before the kill is there, a repeated request gets the same answer, and what
 * was still due (a pending payment's decision and its webhook) happens after the restart.
 */
class SimulatorProcessIT {

    private static final String SECRET = "process-test-webhook-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void thePspKeepsPaymentsCapturesSettlementAndDueWebhooksAcrossASigkill() throws Exception {
        List<String> webhooks = new CopyOnWriteArrayList<>();
        HttpServer merchant = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        merchant.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (new WebhookSignature(SECRET, Duration.ofMinutes(5)).verify(exchange.getRequestHeaders().getFirst("PSP-Signature"), body, Instant.now())) {
                webhooks.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        merchant.start();
        try {
            String[] options = {"--port", "0", "--state-dir", folder.resolve("psp").toString(), "--webhook-secret", SECRET, "--webhook-delay", "PT4S",
                    "--webhook-url", "http://127.0.0.1:" + merchant.getAddress().getPort() + "/hook"};
            String card = "card-" + UUID.randomUUID();
            String wallet = "wallet-" + UUID.randomUUID();
            JsonNode authorised;
            JsonNode captured;
            JsonNode pending;
            SimulatorProcess psp = SimulatorProcess.start(folder.resolve("psp-1.log"), PATIENCE, "psp", options);
            try {
                authorised = post(psp.baseUrl(), "/v1/payments", Map.of("reference", card, "amount", "42.10", "currency", "EUR", "method", "CARD"), card + ":authorise");
                captured = post(psp.baseUrl(), "/v1/payments/" + authorised.get("id").asText() + "/capture", Map.of(), card + ":capture");
                pending = post(psp.baseUrl(), "/v1/payments", Map.of("reference", wallet, "amount", "12.00", "currency", "EUR", "method", "WALLET"),
                        wallet + ":authorise");
                assertThat(pending.get("status").asText()).isEqualTo("PENDING");
            } finally {
                psp.kill();
            }
            assertThat(webhooks).as("the wallet's outcome was not due before the kill").isEmpty();

            SimulatorProcess again = SimulatorProcess.start(folder.resolve("psp-2.log"), PATIENCE, "psp", options);
            try {
                JsonNode status = get(again.baseUrl(), "/v1/payments/" + authorised.get("id").asText());
                assertThat(status.get("status").asText()).isEqualTo("CAPTURED");
                assertThat(status.get("amount").asText()).isEqualTo("42.10");
                // the hub retrying its capture after the crash gets the same answer, and nothing is captured twice
                assertThat(post(again.baseUrl(), "/v1/payments/" + authorised.get("id").asText() + "/capture", Map.of(), card + ":capture"))
                        .isEqualTo(captured);
                String settlement = text(again.baseUrl(), "/v1/settlements/" + LocalDate.now(ZoneOffset.UTC));
                assertThat(settlement.lines().filter(l -> l.contains(card))).containsExactly(
                        String.join(",", authorised.get("id").asText(), card, "CAPTURE", "42.10", "EUR"));
                // the pending wallet payment is decided after the restart and its signed webhook reaches the merchant
                await().atMost(Duration.ofSeconds(60)).until(() -> webhooks.stream().anyMatch(w -> w.contains(wallet)));
                assertThat(webhooks.stream().filter(w -> w.contains(wallet))).singleElement().asString().contains("payment.authorised");
                assertThat(get(again.baseUrl(), "/v1/payments/" + pending.get("id").asText()).get("status").asText()).isEqualTo("AUTHORISED");
            } finally {
                again.stop();
            }
        } finally {
            merchant.stop(0);
        }
    }

    @Test
    void theCrmGiftCardsAndTheErpKeepBalancesRedemptionsAndDeliveriesAcrossASigkill() throws Exception {
        String[] crmOptions = {"--port", "0", "--state-dir", folder.resolve("crm").toString()};
        String[] erpOptions = {"--port", "0", "--state-dir", folder.resolve("erp").toString()};
        String redeemKey = "redeem-" + UUID.randomUUID();
        String deliveryKey = "delivery-" + UUID.randomUUID();
        Map<String, Object> delivery = Map.of("orderNumber", "ORD-PROC-1", "plant", "STORE-001", "lines", List.of());
        JsonNode token;
        JsonNode redeemed;
        JsonNode delivered;
        SimulatorProcess crm = SimulatorProcess.start(folder.resolve("crm-1.log"), PATIENCE, "crm-gift-cards", crmOptions);
        SimulatorProcess erp = SimulatorProcess.start(folder.resolve("erp-1.log"), PATIENCE, "erp", erpOptions);
        try {
            token = post(crm.baseUrl(), "/crm/giftcards/tokens", Map.of("number", "6036000000000002"), "tokenise-1");
            redeemed = post(crm.baseUrl(), "/crm/giftcards/" + token.get("token").asText() + "/redemptions", Map.of("amount", "20.00", "currency", "EUR"),
                    redeemKey);
            assertThat(redeemed.get("status").asText()).isEqualTo("CAPTURED");
            delivered = post(erp.baseUrl(), "/erp/deliveries", delivery, deliveryKey);
            assertThat(delivered.get("status").asText()).isEqualTo("ACCEPTED");
        } finally {
            crm.kill();
            erp.kill();
        }

        crm = SimulatorProcess.start(folder.resolve("crm-2.log"), PATIENCE, "crm-gift-cards", crmOptions);
        erp = SimulatorProcess.start(folder.resolve("erp-2.log"), PATIENCE, "erp", erpOptions);
        try {
            assertThat(post(crm.baseUrl(), "/crm/giftcards/tokens", Map.of("number", "6036000000000002"), "tokenise-2").get("token"))
                    .as("the vault keeps its tokens").isEqualTo(token.get("token"));
            assertThat(get(crm.baseUrl(), "/crm/giftcards/" + token.get("token").asText()).get("balance").asText()).isEqualTo("480.00");
            // the hub repeating its redemption after a crash is not charged twice
            assertThat(post(crm.baseUrl(), "/crm/giftcards/" + token.get("token").asText() + "/redemptions", Map.of("amount", "20.00", "currency", "EUR"),
                    redeemKey)).isEqualTo(redeemed);
            assertThat(get(crm.baseUrl(), "/crm/giftcards/" + token.get("token").asText()).get("balance").asText()).isEqualTo("480.00");
            assertThat(post(erp.baseUrl(), "/erp/deliveries", delivery, deliveryKey)).isEqualTo(delivered);
        } finally {
            crm.stop();
            erp.stop();
        }
    }

    private JsonNode post(URI base, String path, Object body, String key) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("POST %s", path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode get(URI base, String path) throws IOException, InterruptedException {
        return json.readTree(text(base, path));
    }

    private String text(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }
}
