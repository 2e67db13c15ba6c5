package org.retailhub.simulator.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.retailhub.simulator.Simulator;
import org.retailhub.simulator.SimulatorServer;
import org.retailhub.simulator.SimulatorState;

/**
 * The ERP's outbound-delivery intake over HTTP: the hub hands over a paid order for picking and shipping
 * ({@code POST /erp/deliveries}, idempotent per {@code Idempotency-Key}); beside it the ERP's sales-order intake
 * ({@link ErpSalesOrders}, {@code POST /erp/sales-orders}) where a store on the legacy path has its orders booked. Plants (stores) can be blocked, as
 * when a warehouse is closed for stock-taking; their deliveries are rejected with the reason. Deliveries and answers
 * are kept in its state folder and survive a restart; blocked plants are a knob and do not.
 */
public final class ErpDeliverySimulator implements Simulator {

    private final SimulatorState state;
    private final SimulatorState.Table<String> replies;
    private final SimulatorState.Table<String> deliveries;
    private final Set<String> blockedPlants = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = new ObjectMapper();
    private final ErpSalesOrders salesOrders;
    private final SimulatorServer server;

    private ErpDeliverySimulator(int port, SimulatorState state) {
        this.state = state;
        this.replies = state.table("replies", String.class);
        this.deliveries = state.table("deliveries", String.class);
        this.salesOrders = new ErpSalesOrders(state);
        this.server = SimulatorServer.start("erp-simulator", port, 32,
                Map.of("/erp/deliveries", this::handle, "/erp/sales-orders", salesOrders::handle));
    }

    /** Starts on {@code port} (0: any free port) with its state in {@code stateDir}. */
    public static ErpDeliverySimulator start(int port, Path stateDir) {
        return new ErpDeliverySimulator(port, SimulatorState.open(stateDir));
    }

    /** Starts with a throw-away state (a temporary folder, deleted on close). */
    public static ErpDeliverySimulator start(int port) {
        return new ErpDeliverySimulator(port, SimulatorState.throwAway("erp"));
    }

    @Override
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
        return state.read(deliveries::rows);
    }

    /** Sales orders booked through {@code /erp/sales-orders}, by the hand-over's idempotency key. */
    public Map<String, String> salesOrders() {
        return salesOrders.booked();
    }

    /** Sales-order requests received since start, repeated hand-overs included. */
    public long salesOrderRequests() {
        return salesOrders.requests();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (!"POST".equals(exchange.getRequestMethod()) || key == null) {
                SimulatorServer.send(exchange, 400, json.writeValueAsBytes(Map.of("error", "POST with Idempotency-Key required")));
                return;
            }
            JsonNode order = json.readTree(exchange.getRequestBody().readAllBytes());
            String answer = state.once(replies, key, () -> decide(order));
            SimulatorServer.send(exchange, 200, answer.getBytes(StandardCharsets.UTF_8));
        }
    }

    private String decide(JsonNode order) {
        String plant = order.path("plant").asText();
        try {
            if (blockedPlants.contains(plant)) {
                return json.writeValueAsString(Map.of("status", "REJECTED", "reason", "plant " + plant + " blocked for deliveries"));
            }
            String id = "80" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 8);
            deliveries.put(order.path("orderNumber").asText(), id);
            return json.writeValueAsString(Map.of("status", "ACCEPTED", "deliveryId", id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        state.close();
    }
}
