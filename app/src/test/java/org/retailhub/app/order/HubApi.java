package org.retailhub.app.order;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** The hub as a shop or till sees it over HTTP, plus a look into its tables, for the end-to-end tests. */
final class HubApi {

    final RestClient http;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;

    /** The DEV-ONLY Basic user of the channels (hub.security.mode=dev), allowed every order call. */
    static final String CHANNEL_USER = "integration";
    static final String CHANNEL_PASSWORD = "integration-dev-only";

    HubApi(int port, ObjectMapper json, JdbcTemplate jdbc) {
        this.http = client(port, CHANNEL_USER, CHANNEL_PASSWORD);
        this.json = json;
        this.jdbc = jdbc;
    }

    /** A client of the hub on {@code port} that signs in as a DEV-ONLY Basic user and reads every answer, errors included. */
    static RestClient client(int port, String user, String password) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth(user, password)).build();
    }

    /** Posts a one-line web order from the online distribution centre and returns its id. */
    String submit(String externalId, String sku, int quantity, String method, String giftCard) {
        String body = "{\"channel\":\"WEB\",\"externalId\":\"" + externalId + "\",\"storeId\":\"WEB-DC\",\"paymentMethod\":\"" + method
                + (giftCard == null ? "" : "\",\"giftCardNumber\":\"" + giftCard)
                + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
        return tree(http.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class))
                .get("id").asText();
    }

    /** Posts a one-line card order, waits until it is paid and returns the id of its payment (the provider's reference). */
    String paidByCard(String externalId, String sku) {
        String id = submit(externalId, sku, 1, "CARD", null);
        awaitStatus(id, "PAID");
        return paymentOf(id);
    }

    JsonNode read(String id) {
        return tree(http.get().uri("/api/orders/" + id).retrieve().body(String.class));
    }

    JsonNode awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> read(id), o -> status.equals(o.get("status").asText()));
    }

    String paymentOf(String orderId) {
        return jdbc.queryForObject("select id::text from hub.payment where order_id = ?::uuid", String.class, orderId);
    }

    /** Units of the article the online distribution centre can still promise. */
    int available(String sku) {
        Integer n = jdbc.queryForObject("select on_hand - reserved from hub.stock where store_id = 'WEB-DC' and sku = ?", Integer.class, sku);
        return n == null ? -1 : n;
    }

    JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
