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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.domain.consistency.ConsistencyReport;
import org.retailhub.domain.consistency.ConsistencyReports;
import org.retailhub.domain.consistency.DeadLetters;
import org.retailhub.domain.consistency.EntityKind;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.payment.SettlementMismatch;
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
 * discarded with a reason; an island's end-of-day line and an RFID reader's letter are replayed through their own
 * rules, a settlement line is listed and discarded; all audited, each replayed once. Consistency is read through
 * {@code /api/consistency} and the plugin by role. The roles hold through {@code /api/dead-letters} and the Cockpit plugin.
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
    @Autowired
    ConsistencyReports reports;

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
        assertThat(steps(journey, "CHANNEL")).singleElement().asString().startsWith("received from ");
        assertThat(steps(journey, "STOCK")).contains("reserved");
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
        ResponseEntity<String> outOfBounds = operator.get().uri("/api/dead-letters?limit=0").retrieve().toEntity(String.class);
        assertThat(outOfBounds.getStatusCode().value()).as("a parameter out of its bounds is the caller's mistake").isEqualTo(400);
        assertThat(outOfBounds.getHeaders().getContentType()).matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(tree(outOfBounds.getBody()).get("detail").asText()).startsWith("limit: ");
        assertThat(status(HubApi.client(port, "admin", "admin-dev-only").get().uri("/api/audit?limit=5000"))).isEqualTo(400);
    }

    @Test
    void anIslandLetterTheHubCannotDecodeIsNotReplayedButDiscarded() {
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
    void anEndOfDayLineRefusedForAnUnknownArticleIsReplayedOnceTheArticleIsKnown() {
        // a till sold an article the hub did not know yet: its line was set aside (store 11 is STORE-001, PLU 917017)
        jdbc.update("insert into hub.article (sku, name, category, list_price) values ('SKU-IT-17', 'Winter scarf', 'APPAREL', 19.90)");
        jdbc.update("insert into hub.stock (store_id, sku, on_hand) values ('STORE-001', 'SKU-IT-17', 10)");
        String line = "011" + "02" + "00001717" + "001" + "917017" + "0002" + "000001990" + "20261201";
        islandDeadLetters.record(Island.POS, "eod-20261201.txt", 3, "UndecodableChangeException: POS article key 917017 is unknown", line);
        RestClient operator = HubApi.client(port, "operator", "operator-dev-only");
        long id = islandLetter(operator, "POS eod-20261201.txt").get("id").asLong();

        ResponseEntity<String> tooEarly = operator.post().uri("/api/dead-letters/island/{id}/replay", id).retrieve().toEntity(String.class);
        assertThat(tooEarly.getStatusCode().value()).as("the key is still unknown").isEqualTo(409);
        assertThat(tree(tooEarly.getBody()).get("type").asText()).endsWith("/dead-letter-replay-refused");
        assertThat(tree(tooEarly.getBody()).get("detail").asText()).contains("917017");
        assertThat(jdbc.queryForObject("select resolved_at is null from hub.cdc_dead_letter where id = ?", Boolean.class, id)).isTrue();

        jdbc.update("insert into hub.key_xref (kind, hub_key, island, native_key) values ('ARTICLE', 'SKU-IT-17', 'POS', '917017')"); // the fix
        ResponseEntity<String> replayed = operator.post().uri("/api/dead-letters/island/{id}/replay", id).retrieve().toEntity(String.class);

        assertThat(replayed.getStatusCode().value()).isEqualTo(200);
        assertThat(tree(replayed.getBody()).get("status").asText()).isEqualTo("REPLAYED");
        assertThat(tree(replayed.getBody()).get("note").asText()).contains("SALE");
        assertThat(jdbc.queryForObject("select on_hand from hub.stock where store_id = 'STORE-001' and sku = 'SKU-IT-17'", Integer.class)).isEqualTo(8);
        assertThat(audited("dead-letter-replayed", "island/" + id)).isEqualTo(1);
        assertThat(status(operator.post().uri("/api/dead-letters/island/{id}/replay", id))).as("a letter is replayed once").isEqualTo(409);
        assertThat(jdbc.queryForObject("select on_hand from hub.stock where store_id = 'STORE-001' and sku = 'SKU-IT-17'", Integer.class)).isEqualTo(8);
    }

    @Test
    void readerAndSettlementLettersAreInTheSameListAndReplayedWhereThatCanHelp() {
        String event = "{\"type\":\"SIMPLE\",\"timestamp\":\"2026-12-01T03:00:00.000+0000\",\"data\":{\"eventNum\":1,\"format\":\"epc\","
                + "\"idHex\":\"3074257bf7194e4000001a85\",\"antenna\":1,\"peakRssi\":-50,\"reads\":1}}";
        sendReaderLetter("rfid/zebra/ghost-reader", "unknown-reader: reader ghost-reader is not in the store layout", event);
        sendReaderLetter("rfid/zebra/fx9600-shelf-a", "invalid-epc: firmware wrote a short EPC", event);
        RestClient operator = HubApi.client(port, "operator", "operator-dev-only");
        JsonNode ghost = awaitRfidLetter(operator, "rfid/zebra/ghost-reader");
        JsonNode known = awaitRfidLetter(operator, "rfid/zebra/fx9600-shelf-a");
        assertThat(ghost.get("reason").asText()).contains("not in the store layout");
        assertThat(ghost.get("payload").asText()).contains("3074257bf7194e4000001a85");

        ResponseEntity<String> stillUnknown = operator.post().uri("/api/dead-letters/rfid/{id}/replay", ghost.get("id").asLong()).retrieve().toEntity(String.class);
        assertThat(stillUnknown.getStatusCode().value()).isEqualTo(409);
        assertThat(tree(stillUnknown.getBody()).get("detail").asText()).contains("ghost-reader");
        ResponseEntity<String> replayed = operator.post().uri("/api/dead-letters/rfid/{id}/replay", known.get("id").asLong()).retrieve().toEntity(String.class);
        assertThat(replayed.getStatusCode().value()).isEqualTo(200);
        assertThat(tree(replayed.getBody()).get("note").asText()).isEqualTo("1 read(s) of reader fx9600-shelf-a taken");
        assertThat(status(operator.post().uri("/api/dead-letters/rfid/{id}/replay", known.get("id").asLong()))).isEqualTo(409);

        long run = jdbc.queryForObject("insert into hub.settlement_run (provider, settlement_date, file_name, lines, matched, mismatches) "
                + "values ('simpsp', date '2026-11-30', 'settlement-simpsp-2026-11-30.csv', 3, 2, 1) returning id", Long.class);
        SettlementMismatch unreadable = SettlementMismatch.unreadable(4, "amount must be a decimal number", "pay-9,ref-9,CAPTURE,12.x0,EUR");
        jdbc.update("insert into hub.settlement_mismatch (run_id, reference, kind, detail) values (?, ?, 'UNREADABLE', ?)", run,
                unreadable.reference(), unreadable.detail());
        JsonNode line = StreamSupport.stream(tree(operator.get().uri("/api/dead-letters?source=settlement").retrieve().body(String.class))
                .spliterator(), false).filter(l -> l.get("origin").asText().equals("settlement-simpsp-2026-11-30.csv line 4")).findFirst().orElseThrow();
        assertThat(line.get("reason").asText()).isEqualTo("amount must be a decimal number");
        assertThat(line.get("payload").asText()).isEqualTo("pay-9,ref-9,CAPTURE,12.x0,EUR");
        assertThat(line.get("position").asLong()).isEqualTo(4);
        ResponseEntity<String> notReplayable = operator.post().uri("/api/dead-letters/settlement/{id}/replay", line.get("id").asLong())
                .retrieve().toEntity(String.class);
        assertThat(notReplayable.getStatusCode().value()).isEqualTo(409);
        assertThat(tree(notReplayable.getBody()).get("detail").asText()).contains("corrected file");
        assertThat(status(operator.post().uri("/api/dead-letters/settlement/{id}/discard", line.get("id").asLong())
                .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\"provider sent a corrected file\"}"))).isEqualTo(200);
        assertThat(audited("dead-letter-discarded", "settlement/" + line.get("id").asText())).isEqualTo(1);
        assertThat(tree(HubApi.client(port, "analyst", "analyst-dev-only").get().uri("/api/dead-letters?source=rfid").retrieve().body(String.class))
                .findValues("payload").stream().filter(JsonNode::isTextual).toList()).as("analysts see no payload").isEmpty();
    }

    @Test
    void consistencyIsShownByRoleThroughTheApiAndCockpit() throws Exception {
        ConsistencyReport found = new ConsistencyReport(
                List.of(new ConsistencyReport.Tally(EntityKind.CUSTOMER, 40, 39), new ConsistencyReport.Tally(EntityKind.PRICE, 50, 49)),
                List.of(new ConsistencyReport.Mismatch(EntityKind.CUSTOMER, "CU109977", "CRM email " + EMAIL + ", hub jane@example.org"),
                        new ConsistencyReport.Mismatch(EntityKind.PRICE, "SKU-0007", "ERP 12.00, POS 11.00")), List.of());
        long earlier = reports.save(new ConsistencyReport(found.kinds(), List.of(), List.of()), "AFTER_REPAIR", 0);
        long latest = reports.save(found, "FOUND", 0);
        RestClient operator = HubApi.client(port, "operator", "operator-dev-only");
        RestClient analyst = HubApi.client(port, "analyst", "analyst-dev-only");

        JsonNode seenByOperator = tree(operator.get().uri("/api/consistency/mismatches").retrieve().body(String.class));
        assertThat(seenByOperator.get("reportId").asLong()).isEqualTo(latest);
        assertThat(seenByOperator.get("counts").get("CUSTOMER").asInt()).isEqualTo(1);
        JsonNode customer = mismatch(seenByOperator, "CUSTOMER");
        assertThat(customer.get("key").asText()).isEqualTo("CU109977");
        assertThat(customer.get("detail").asText()).doesNotContain(EMAIL).contains("CRM email");
        JsonNode seenByAnalyst = tree(analyst.get().uri("/api/consistency/mismatches").retrieve().body(String.class));
        assertThat(mismatch(seenByAnalyst, "CUSTOMER").hasNonNull("key")).as("analysts see no customer").isFalse();
        assertThat(mismatch(seenByAnalyst, "CUSTOMER").hasNonNull("detail")).isFalse();
        assertThat(mismatch(seenByAnalyst, "PRICE").get("detail").asText()).isEqualTo("ERP 12.00, POS 11.00");
        JsonNode trend = tree(analyst.get().uri("/api/consistency/trend?runs=2").retrieve().body(String.class));
        assertThat(trend.findValuesAsText("id")).containsExactly(String.valueOf(earlier), String.valueOf(latest));
        RestClient integration = HubApi.client(port, "integration", "integration-dev-only");
        assertThat(status(integration.get().uri("/api/consistency/mismatches"))).isEqualTo(403);
        assertThat(status(integration.get().uri("/api/consistency/trend"))).isEqualTo(403);

        CockpitSession analystInCockpit = CockpitSession.signIn(port, "analyst");
        JsonNode page = tree(analystInCockpit.get(PLUGIN + "consistency").body());
        assertThat(page.get("personalData").asBoolean()).isFalse();
        assertThat(page.get("latest").get("id").asLong()).isEqualTo(latest);
        assertThat(mismatch(page, "CUSTOMER").hasNonNull("key")).isFalse();
        assertThat(page.get("trend").size()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("decisions").get("open").asInt()).isNotNegative();
        assertThat(page.get("decisions").has("tasklistFilterId")).as("analysts may not read the Customer duplicates filter").isFalse();
        JsonNode operatorsPage = tree(CockpitSession.signIn(port, "operator").get(PLUGIN + "consistency?kind=customer").body());
        assertThat(operatorsPage.get("decisions").get("tasklistFilterId").asText()).as("Tasklist's Customer duplicates filter").isNotBlank();
        assertThat(operatorsPage.get("mismatches").findValuesAsText("kind")).containsOnly("CUSTOMER");
        assertThat(mismatch(operatorsPage, "CUSTOMER").get("key").asText()).isEqualTo("CU109977");
        JsonNode tile = tree(analystInCockpit.get(PLUGIN + "dashboard").body());
        assertThat(tile.get("consistencyPerKind").get("CUSTOMER").decimalValue()).isEqualByComparingTo("97.50");
        assertThat(tile.get("openIncidents").asInt()).isEqualTo(jdbc.queryForObject("select count(*) from act_ru_incident", Integer.class));
        assertThat(tile.has("cdcLag")).isTrue();
    }

    private static final String PLUGIN = "/camunda/api/cockpit/plugin/retailHub/default/";

    private static JsonNode mismatch(JsonNode page, String kind) {
        return StreamSupport.stream(page.get("mismatches").spliterator(), false).filter(m -> m.get("kind").asText().equals(kind))
                .findFirst().orElseThrow();
    }

    private void sendReaderLetter(String readerTopic, String reason, String message) {
        ProducerRecord<String, String> letter = new ProducerRecord<>("rfid.deadletter", readerTopic.substring(readerTopic.lastIndexOf('/') + 1), message);
        letter.headers().add("dlq-reason", reason.getBytes(StandardCharsets.UTF_8)).add("dlq-source-topic", readerTopic.getBytes(StandardCharsets.UTF_8));
        kafka.send(letter);
    }

    private JsonNode awaitRfidLetter(RestClient client, String readerTopic) {
        return await().atMost(PATIENCE).until(() -> StreamSupport.stream(tree(client.get().uri("/api/dead-letters?source=rfid")
                .retrieve().body(String.class)).spliterator(), false).filter(l -> l.get("origin").asText().equals(readerTopic)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private JsonNode islandLetter(RestClient client, String origin) {
        return StreamSupport.stream(tree(client.get().uri("/api/dead-letters?source=island").retrieve().body(String.class)).spliterator(), false)
                .filter(l -> l.get("origin").asText().equals(origin)).findFirst().orElseThrow();
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
