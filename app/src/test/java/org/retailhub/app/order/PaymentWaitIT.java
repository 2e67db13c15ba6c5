package org.retailhub.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.simulator.psp.PspSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * Orders whose payment stays pending at the provider (wallet, no decision in sight): a cancel request and the
 * payment timeout both void the payment at the provider, end the order and give its stock back. A cancel that meets a
 * capture the provider already took refunds it.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.cdc.enabled=false", "hub.islands.simulator-pause=0s", "hub.embedded.postgres-port=0",
        "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0", "hub.erp.simulator-port=0", "hub.payment.psp.simulator-webhook-delay=PT10M", "hub.orders.payment-timeout=PT4S",
        // room for a provider answer held back 6 s (the capture the cancel races) without the client's time-out and retry
        "hub.payment.psp.read-timeout=PT10S"})
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

    HubApi hub;
    RestClient api;

    @BeforeEach
    void client() {
        hub = new HubApi(port, json, jdbc);
        api = hub.http;
    }

    @AfterEach
    void providerAnswersAtOnceAgain() {
        psp.latency(Duration.ZERO);
        psp.asyncCards(false);
        psp.releaseWebhooks();
        psp.webhookDelay(Duration.ofMinutes(10));
    }

    @Test
    void cancelWhileAwaitingPaymentReleasesTheStockAndLeavesNothingHeldAtTheProvider() throws Exception {
        // a slow provider: the cancel comes while the authorisation is still on its way there
        psp.latency(Duration.ofMillis(1500));
        String id = hub.submit("IT-CANCEL-1", "SKU-0007", 5, "WALLET", null);
        hub.awaitStatus(id, "AWAITING_PAYMENT");
        assertThat(hub.available("SKU-0007")).isEqualTo(195);

        ResponseEntity<String> cancel = api.post().uri("/api/orders/" + id + "/cancellation").contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\":\"customer changed their mind\"}").retrieve().toEntity(String.class);

        assertThat(cancel.getStatusCode().value()).isEqualTo(202);
        JsonNode order = hub.awaitStatus(id, "CANCELLED");
        assertThat(order.get("statusReason").asText()).isEqualTo("customer changed their mind");
        assertThat(hub.available("SKU-0007")).isEqualTo(200);
        String payment = hub.paymentOf(id);
        assertThat(jdbc.queryForObject("select status from hub.payment where id = ?::uuid", String.class, payment)).isEqualTo("VOIDED");
        // whichever reached the provider first, the authorisation or the cancel, the provider holds nothing for the order
        await().atMost(Duration.ofSeconds(30)).until(() -> psp.byReference(payment), p -> p != null && "VOIDED".equals(p.status()));
        assertThat(psp.payments().stream().filter(p -> p.reference().equals(payment))).hasSize(1);

        ResponseEntity<String> again = api.post().uri("/api/orders/" + id + "/cancellation").retrieve().toEntity(String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(again.getBody()).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void cancelThatMeetsACaptureTheProviderAlreadyTookRefundsIt() throws Exception {
        // a 3-D Secure card: the job that records the webhook's approval captures; the provider takes that capture but
        // holds its answer back 6 s, so the cancel comes while the job is still waiting for it
        psp.asyncCards(true);
        psp.webhookDelay(Duration.ZERO);
        psp.withholdWebhooks(true);
        int availableBefore = hub.available("SKU-0009");
        String id = hub.submit("IT-CANCEL-CAPTURED-1", "SKU-0009", 3, "CARD", null);
        hub.awaitStatus(id, "AWAITING_PAYMENT");
        String payment = hub.paymentOf(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> paymentStatus(payment), "PENDING"::equals);
        psp.hangNext(1, Duration.ofSeconds(6));
        psp.releaseWebhooks();
        await().atMost(Duration.ofSeconds(30)).until(() -> psp.byReference(payment).status(), "CAPTURED"::equals);

        ResponseEntity<String> cancel = api.post().uri("/api/orders/" + id + "/cancellation").contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\":\"customer changed their mind\"}").retrieve().toEntity(String.class);

        assertThat(cancel.getStatusCode().value()).isEqualTo(202);
        JsonNode order = hub.awaitStatus(id, "CANCELLED");
        assertThat(order.get("statusReason").asText()).isEqualTo("customer changed their mind");
        assertThat(hub.available("SKU-0009")).isEqualTo(availableBefore);
        assertThat(paymentStatus(payment)).isEqualTo("REFUNDED");
        assertThat(psp.byReference(payment).status()).isEqualTo("REFUNDED");
        // what payments.events tells: the money was taken, then given back; never "voided"
        assertThat(jdbc.queryForList("select event_type from hub.outbox where event_key = ? and event_type like 'Payment%' order by seq",
                String.class, id)).containsSubsequence("PaymentCaptured", "PaymentRefunded").doesNotContain("PaymentVoided");
    }

    @Test
    void noPaymentOutcomeWithinTheTimeoutCancelsAndReleases() throws Exception {
        String id = hub.submit("IT-TIMEOUT-1", "SKU-0008", 2, "WALLET", null);
        hub.awaitStatus(id, "AWAITING_PAYMENT");
        assertThat(hub.available("SKU-0008")).isEqualTo(198);

        JsonNode order = await().atMost(Duration.ofSeconds(60)).until(() -> hub.read(id), o -> "CANCELLED".equals(o.get("status").asText()));

        assertThat(order.get("statusReason").asText()).isEqualTo("no payment outcome within the payment timeout");
        assertThat(hub.available("SKU-0008")).isEqualTo(200);
        assertThat(psp.byReference(hub.paymentOf(id)).status()).isEqualTo("VOIDED");
    }

    private String paymentStatus(String payment) {
        return jdbc.queryForObject("select status from hub.payment where id = ?::uuid", String.class, payment);
    }
}
