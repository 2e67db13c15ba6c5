package org.retailhub.legacy.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.retailhub.legacy.simulator.LoopbackJsonServer;

/**
 * The ERP's outbound-delivery intake over HTTP: the hub hands over a paid order for picking and shipping
 * ({@code POST /erp/deliveries}, idempotent per {@code Idempotency-Key}). Plants (stores) can be blocked, as
 * when a warehouse is closed for stock-taking; their deliveries are rejected with the reason.
 */
public final class ErpDeliverySimulator implements AutoCloseable {

    private final LoopbackJsonServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, byte[]> idempotent = new ConcurrentHashMap<>();
    private final Map<String, String> deliveries = new ConcurrentHashMap<>();
    private final Set<String> blockedPlants = ConcurrentHashMap.newKeySet();

    private ErpDeliverySimulator(int port) {
        this.server = LoopbackJsonServer.start(port, "erp-simulator", "/erp/deliveries", this::handle);
    }

    public static ErpDeliverySimulator start(int port) {
        return new ErpDeliverySimulator(port);
    }

    public URI baseUrl() {
        return server.baseUrl();
    }

    public void blockPlant(String plant, boolean blocked) {
        if (blocked) {
            blockedPlants.add(plant);
        } else {
            blockedPlants.remove(plant);
        }
    }

    /** Deliveries accepted so far, by order number. */
    public Map<String, String> deliveries() {
        return Map.copyOf(deliveries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (!"POST".equals(exchange.getRequestMethod()) || key == null) {
                LoopbackJsonServer.send(exchange, 400, json.writeValueAsBytes(Map.of("error", "POST with Idempotency-Key required")));
                return;
            }
            JsonNode order = json.readTree(exchange.getRequestBody().readAllBytes());
            LoopbackJsonServer.send(exchange, 200, idempotent.computeIfAbsent(key, k -> decide(order)));
        }
    }

    private byte[] decide(JsonNode order) {
        String plant = order.path("plant").asText();
        try {
            if (blockedPlants.contains(plant)) {
                return json.writeValueAsBytes(Map.of("status", "REJECTED", "reason", "plant " + plant + " blocked for deliveries"));
            }
            String id = "80" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 8);
            deliveries.put(order.path("orderNumber").asText(), id);
            return json.writeValueAsBytes(Map.of("status", "ACCEPTED", "deliveryId", id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
