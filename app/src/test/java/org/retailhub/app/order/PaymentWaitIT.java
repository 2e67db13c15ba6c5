package org.retailhub.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.connectors.payment.PspSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * Orders whose payment stays pending at the provider (wallet, no decision in sight): a cancel request and the
 * payment timeout both void the payment at the provider, end the order and give its stock back.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.embedded.postgres-port=0",
        "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0", "hub.payment.psp.simulator-webhook-delay=PT10M", "hub.orders.payment-timeout=PT4S"})
@DirtiesContext
class PaymentWaitIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    PspSimulator psp;

    RestClient api;

    @BeforeEach
    void client() {
        api = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    @Test
    void cancelWhileAwaitingPaymentReleasesTheStock() throws Exception {
        String id = submit("IT-CANCEL-1", "SKU-0007", 5);
        awaitStatus(id, "AWAITING_PAYMENT");
        assertThat(available("SKU-0007")).isEqualTo(195);

        ResponseEntity<String> cancel = api.post().uri("/api/orders/" + id + "/cancellation").contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\":\"customer changed their mind\"}").retrieve().toEntity(String.class);

        assertThat(cancel.getStatusCode().value()).isEqualTo(202);
        JsonNode order = awaitStatus(id, "CANCELLED");
        assertThat(order.get("statusReason").asText()).isEqualTo("customer changed their mind");
        assertThat(available("SKU-0007")).isEqualTo(200);
        assertThat(psp.byReference(paymentOf(id)).status()).isEqualTo("VOIDED");

        ResponseEntity<String> again = api.post().uri("/api/orders/" + id + "/cancellation").retrieve().toEntity(String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(again.getBody()).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void noPaymentOutcomeWithinTheTimeoutCancelsAndReleases() throws Exception {
        String id = submit("IT-TIMEOUT-1", "SKU-0008", 2);
        awaitStatus(id, "AWAITING_PAYMENT");
        assertThat(available("SKU-0008")).isEqualTo(198);

        JsonNode order = await().atMost(Duration.ofSeconds(60)).until(() -> read(id), o -> "CANCELLED".equals(o.get("status").asText()));

        assertThat(order.get("statusReason").asText()).isEqualTo("no payment outcome within the payment timeout");
        assertThat(available("SKU-0008")).isEqualTo(200);
        assertThat(psp.byReference(paymentOf(id)).status()).isEqualTo("VOIDED");
    }

    private String submit(String externalId, String sku, int quantity) throws Exception {
        String body = "{\"channel\":\"WEB\",\"externalId\":\"" + externalId + "\",\"storeId\":\"WEB-DC\",\"paymentMethod\":\"WALLET\",\"lines\":[{\"sku\":\"" + sku
                + "\",\"quantity\":" + quantity + "}]}";
        return json.readTree(api.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class))
                .get("id").asText();
    }

    private JsonNode awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> read(id), o -> status.equals(o.get("status").asText()));
    }

    private JsonNode read(String id) throws Exception {
        return json.readTree(api.get().uri("/api/orders/" + id).retrieve().body(String.class));
    }

    private String paymentOf(String orderId) {
        return jdbc.queryForObject("select id::text from hub.payment where order_id = ?::uuid", String.class, orderId);
    }

    private int available(String sku) {
        Integer n = jdbc.queryForObject("select on_hand - reserved from hub.stock where store_id = 'WEB-DC' and sku = ?", Integer.class, sku);
        return n == null ? -1 : n;
    }
}
