package org.retailhub.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.domain.consistency.DeadLetters;
import org.retailhub.domain.consistency.Island;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * The dead-letter desk on the embedded defaults (real PostgreSQL, in-process Kafka, Camunda): a refused channel order
 * is listed with its reason and a masked payload, replayed after its cause was fixed until the order is confirmed, or
 * discarded with a reason; both audited; the roles hold through {@code /api/dead-letters} and the Cockpit plugin.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.cdc.enabled=false", "hub.islands.simulator-pause=0s", "hub.embedded.postgres-port=0", "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0", "hub.erp.simulator-port=0",
        "hub.payment.psp.simulator-webhook-delay=PT0.3S", "hub.rfid.simulator.sweep-interval=PT2S"})
@DirtiesContext
class DeadLetterDeskIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String EMAIL = "jane.doe@example.org";

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DeadLetters islandDeadLetters;

    @Test
    void orderRefusedForAnArticleNoLongerSoldIsReplayedAfterTheFixAndConfirmed() throws Exception {
        jdbc.update("update hub.article set active = false where sku = 'SKU-0031'");
        kafka.send("orders.app", "IT-DLQ-REPLAY", """
                {"orderRef":"IT-DLQ-REPLAY","store":"WEB-DC","customer":{"email":"%s"},"items":[{"sku":"SKU-0031","qty":1}]}""".formatted(EMAIL));
        RestClient operator = HubApi.client(port, "operator", "operator-dev-only");
        JsonNode letter = awaitLetter(operator, "IT-DLQ-REPLAY");
        assertThat(letter.get("reason").asText()).contains("no longer sold");
        assertThat(letter.get("origin").asText()).isEqualTo("orders.app");
        assertThat(orderIds("IT-DLQ-REPLAY")).as("nothing stored for the refused order").isEmpty();

        jdbc.update("update hub.article set active = true where sku = 'SKU-0031'"); // the fix: the article is sold again
        ResponseEntity<String> replayed = operator.post().uri("/api/dead-letters/channel/{id}/replay", letter.get("id").asLong())
                .retrieve().toEntity(String.class);

        assertThat(replayed.getStatusCode().value()).isEqualTo(200);
        assertThat(tree(replayed.getBody()).get("status").asText()).isEqualTo("REPLAYED");
        assertThat(tree(replayed.getBody()).get("resolvedBy").asText()).isEqualTo("operator");
        String id = await().atMost(PATIENCE).until(() -> orderIds("IT-DLQ-REPLAY"), ids -> ids.size() == 1).get(0);
        JsonNode order = new HubApi(port, json, jdbc).awaitStatus(id, "PAID");
        assertThat(order.get("history").findValuesAsText("status")).contains("CONFIRMED");
        assertThat(audited("dead-letter-replayed", "channel/" + letter.get("id").asText())).isEqualTo(1);
        assertThat(operator.post().uri("/api/dead-letters/channel/{id}/replay", letter.get("id").asLong()).retrieve()
                .toEntity(String.class).getStatusCode().value()).as("a letter is replayed once").isEqualTo(409);

        // the order's journey in the Cockpit plugin, found by its number or by channel and external id
        CockpitSession cockpit = CockpitSession.signIn(port, "operator");
        JsonNode journey = tree(cockpit.get(JOURNEY + order.get("orderNumber").asText()).body());
        assertThat(journey.get("id").asText()).isEqualTo(id);
        assertThat(steps(journey, "STATUS")).containsSubsequence("RECEIVED", "CONFIRMED", "PAID");
        assertThat(steps(journey, "PROCESS")).contains("order-fulfilment started", "order-fulfilment COMPLETED");
        assertThat(steps(journey, "EVENT")).isNotEmpty();
        assertThat(tree(cockpit.get(JOURNEY + "APP:IT-DLQ-REPLAY").body()).get("id").asText()).isEqualTo(id);
        assertThat(cockpit.get(JOURNEY + "RH-99999999").statusCode()).isEqualTo(404);
        assertThat(CockpitSession.signIn(port, "analyst").get(JOURNEY + "APP:IT-DLQ-REPLAY").statusCode())
                .as("analysts read no orders").isEqualTo(403);
    }

    private static final String JOURNEY = "/camunda/api/cockpit/plugin/retailHub/default/orders/journey?q=";

    private static List<String> steps(JsonNode journey, String kind) {
        return StreamSupport.stream(journey.get("steps").spliterator(), false).filter(s -> s.get("kind").asText().equals(kind))
                .map(s -> s.get("what").asText()).toList();
    }

    @Test
    void lettersAreMaskedDiscardedWithAReasonAndGuardedByRole() {
        kafka.send("orders.web", "IT-DLQ-DISCARD", """
                {"orderRef":"IT-DLQ-DISCARD","store":"WEB-DC","customer":{"email":"%s"},"items":[{"sku":"SKU-0032","qty":0}]}""".formatted(EMAIL));
        RestClient operator = HubApi.client(port, "operator", "operator-dev-only");
        RestClient analyst = HubApi.client(port, "analyst", "analyst-dev-only");
        RestClient integration = HubApi.client(port, "integration", "integration-dev-only");
        JsonNode letter = awaitLetter(operator, "IT-DLQ-DISCARD");
        long id = letter.get("id").asLong();

        assertThat(letter.get("payload").asText()).doesNotContain(EMAIL).contains("\"email\":\"***\"", "IT-DLQ-DISCARD");
        assertThat(letter.get("reason").asText()).contains("quantity");
        JsonNode seenByAnalyst = find(tree(analyst.get().uri("/api/dead-letters?source=channel").retrieve().body(String.class)), id);
        assertThat(seenByAnalyst.get("reason").asText()).isEqualTo(letter.get("reason").asText());
        assertThat(seenByAnalyst.hasNonNull("payload")).as("analysts see no payload").isFalse();
        ResponseEntity<String> refused = integration.get().uri("/api/dead-letters").retrieve().toEntity(String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getHeaders().getContentType()).matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(status(analyst.post().uri("/api/dead-letters/channel/{id}/replay", id))).isEqualTo(403);
        assertThat(status(analyst.post().uri("/api/dead-letters/channel/{id}/discard", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\":\"not mine\"}"))).isEqualTo(403);
        ResponseEntity<String> noReason = operator.post().uri("/api/dead-letters/channel/{id}/discard", id)
                .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\" \"}").retrieve().toEntity(String.class);
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getHeaders().getContentType()).matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        ResponseEntity<String> discarded = operator.post().uri("/api/dead-letters/channel/{id}/discard", id)
                .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\"test order, customer ordered again\"}").retrieve().toEntity(String.class);
        assertThat(discarded.getStatusCode().value()).isEqualTo(200);
        assertThat(tree(discarded.getBody()).get("status").asText()).isEqualTo("DISCARDED");
        assertThat(tree(discarded.getBody()).get("note").asText()).isEqualTo("test order, customer ordered again");
        assertThat(audited("dead-letter-discarded", "channel/" + id)).isEqualTo(1);
        assertThat(find(tree(operator.get().uri("/api/dead-letters?source=channel").retrieve().body(String.class)), id))
                .as("open letters only, by default").isNull();
        assertThat(find(tree(operator.get().uri("/api/dead-letters?source=channel&open=false").retrieve().body(String.class)), id)
                .get("status").asText()).isEqualTo("DISCARDED");
        assertThat(status(operator.post().uri("/api/dead-letters/channel/{id}/discard", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\":\"again\"}"))).isEqualTo(409);
        assertThat(status(operator.get().uri("/api/dead-letters?source=nowhere"))).isEqualTo(404);
    }

    @Test
    void islandLettersAreListedAndDiscardedButNotReplayedFromTheHub() {
        islandDeadLetters.record(Island.CRM, "customers.csv", 7, "unknown key", "C-77;Jane;Doe;" + EMAIL);
        RestClient operator = HubApi.client(port, "operator", "operator-dev-only");
        JsonNode letter = await().atMost(PATIENCE).until(() -> StreamSupport.stream(tree(operator.get().uri("/api/dead-letters?source=island")
                .retrieve().body(String.class)).spliterator(), false).filter(l -> l.get("origin").asText().equals("CRM customers.csv")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(letter.get("payload").asText()).doesNotContain(EMAIL);
        long id = letter.get("id").asLong();

        ResponseEntity<String> replay = operator.post().uri("/api/dead-letters/island/{id}/replay", id).retrieve().toEntity(String.class);
        assertThat(replay.getStatusCode().value()).isEqualTo(409);
        assertThat(tree(replay.getBody()).get("type").asText()).endsWith("/dead-letter-not-replayable");
        assertThat(status(operator.post().uri("/api/dead-letters/island/{id}/discard", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\":\"corrected in the CRM\"}"))).isEqualTo(200);
        assertThat(jdbc.queryForObject("select resolution from hub.cdc_dead_letter where id = ?", String.class, id)).isEqualTo("DISCARDED");
    }

    @Test
    void cockpitPluginServesItsPageAndKeepsTheRoles() throws Exception {
        kafka.send("orders.marketplace", "IT-DLQ-COCKPIT", """
                {"orderRef":"IT-DLQ-COCKPIT","store":"WEB-DC","customer":{"email":"%s"},"items":[{"sku":"SKU-0033","qty":-1}]}""".formatted(EMAIL));
        long id = awaitLetter(HubApi.client(port, "operator", "operator-dev-only"), "IT-DLQ-COCKPIT").get("id").asLong();
        CockpitSession analyst = CockpitSession.signIn(port, "analyst");
        CockpitSession operator = CockpitSession.signIn(port, "operator");

        HttpResponse<String> script = operator.get("/camunda/api/cockpit/plugin/retailHub/static/app/plugin.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("cockpit.dashboard", "cockpit.route");
        JsonNode dashboard = tree(analyst.get("/camunda/api/cockpit/plugin/retailHub/default/dashboard").body());
        assertThat(dashboard.get("openDeadLetters").get("channel").asInt()).isPositive();
        JsonNode analystsView = tree(analyst.get("/camunda/api/cockpit/plugin/retailHub/default/dead-letters?source=channel").body());
        assertThat(analystsView.get("canHandle").asBoolean()).isFalse();
        assertThat(find(analystsView.get("letters"), id).hasNonNull("payload")).isFalse();
        HttpResponse<String> analystsDiscard = analyst.post("/camunda/api/cockpit/plugin/retailHub/default/dead-letters/channel/" + id + "/discard",
                "{\"reason\":\"x\"}");
        assertThat(analystsDiscard.statusCode()).isEqualTo(403);
        assertThat(analystsDiscard.body()).as("refused by the desk's rule, not for a missing token").contains("dead-letter desk");

        JsonNode operatorsView = tree(operator.get("/camunda/api/cockpit/plugin/retailHub/default/dead-letters?source=channel").body());
        assertThat(operatorsView.get("canHandle").asBoolean()).isTrue();
        assertThat(find(operatorsView.get("letters"), id).get("payload").asText()).contains("IT-DLQ-COCKPIT").doesNotContain(EMAIL);
        HttpResponse<String> discarded = operator.post("/camunda/api/cockpit/plugin/retailHub/default/dead-letters/channel/" + id + "/discard",
                "{\"reason\":\"duplicate of a web order\"}");
        assertThat(discarded.statusCode()).isEqualTo(200);
        assertThat(audited("dead-letter-discarded", "channel/" + id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select actor from hub.audit_event where subject_id = ?", String.class, "channel/" + id)).isEqualTo("operator");
    }

    private JsonNode awaitLetter(RestClient client, String externalId) {
        return await().atMost(PATIENCE).until(() -> StreamSupport.stream(tree(client.get().uri("/api/dead-letters?source=channel")
                        .retrieve().body(String.class)).spliterator(), false)
                .filter(l -> l.get("payload").asText().contains(externalId)).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private static JsonNode find(JsonNode letters, long id) {
        return StreamSupport.stream(letters.spliterator(), false).filter(l -> l.get("id").asLong() == id).findFirst().orElse(null);
    }

    private List<String> orderIds(String externalId) {
        return jdbc.queryForList("select id::text from hub.customer_order where external_id = ?", String.class, externalId);
    }

    private int audited(String action, String subject) {
        Integer n = jdbc.queryForObject("select count(*) from hub.audit_event where action = ? and subject_id = ?", Integer.class, action, subject);
        return n == null ? 0 : n;
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.retrieve().toEntity(String.class).getStatusCode().value();
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A person signed in to Cockpit with Camunda's own login (mode dev), sending its CSRF token as Cockpit does. */
    private record CockpitSession(HttpClient browser, CookieManager cookies, String base) {

        static CockpitSession signIn(int port, String user) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
            String base = "http://localhost:" + port;
            HttpResponse<String> start = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/default/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String csrf = start.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue());
            int login = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "-dev-only")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            assertThat(login).as(user + " signs in to Cockpit").isEqualTo(200);
            return new CockpitSession(browser, cookies, base);
        }

        /** The token as Cockpit reads it: the latest XSRF-TOKEN cookie (signing in starts a new session with a new token). */
        String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).reduce((a, b) -> b)
                    .orElseThrow().getValue();
        }

        HttpResponse<String> get(String path) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
