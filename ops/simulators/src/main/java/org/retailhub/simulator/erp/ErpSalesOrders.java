package org.retailhub.simulator.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.retailhub.simulator.SimulatorServer;
import org.retailhub.simulator.SimulatorState;

/**
 * The ERP's sales-order intake, the way today's retailer books every channel's order ({@code POST /erp/sales-orders},
 * idempotent per {@code Idempotency-Key}): the ERP numbers the sales order and keeps it. A store on the hub's legacy
 * path has its orders handed here; a repeated hand-over (same key) gets the first answer and books nothing twice.
 */
final class ErpSalesOrders {

    private final SimulatorState state;
    private final SimulatorState.Table<String> booked;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong requests = new AtomicLong();

    ErpSalesOrders(SimulatorState state) {
        this.state = state;
        this.booked = state.table("sales-orders", String.class);
    }

    /** Sales orders booked so far: the hand-over's key to the ERP's answer (with its sales order number). */
    Map<String, String> booked() {
        return state.read(booked::rows);
    }

    /** Requests received since start, repeats included: more than {@link #booked()} means some hand-overs were repeated. */
    long requests() {
        return requests.get();
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (!"POST".equals(exchange.getRequestMethod()) || key == null || key.isBlank()) {
                refuse(exchange, "POST with Idempotency-Key required");
                return;
            }
            JsonNode order = json.readTree(exchange.getRequestBody().readAllBytes());
            String missing = missing(order);
            if (missing != null) {
                refuse(exchange, "sales order without " + missing);
                return;
            }
            String answer = state.once(booked, key, () -> book(order));
            SimulatorServer.send(exchange, 200, answer.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String missing(JsonNode order) {
        for (String field : new String[] {"channel", "externalId", "plant"}) {
            if (order.path(field).asText().isBlank()) {
                return field;
            }
        }
        return order.path("lines").isArray() && !order.path("lines").isEmpty() ? null : "lines";
    }

    private String book(JsonNode order) {
        try {
            String number = String.format("%010d", booked.rows().size() + 1L);
            return json.writeValueAsString(Map.of("status", "BOOKED", "salesOrder", number,
                    "channel", order.path("channel").asText(), "externalId", order.path("externalId").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refuse(HttpExchange exchange, String detail) throws IOException {
        SimulatorServer.send(exchange, 400, "application/problem+json",
                json.writeValueAsBytes(Map.of("type", "about:blank", "title", "Bad Request", "status", 400, "detail", detail)));
    }
}
