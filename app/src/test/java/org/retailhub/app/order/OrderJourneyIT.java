package org.retailhub.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import org.retailhub.domain.support.BrokenInputs;
import org.retailhub.domain.support.BrokenInputs.Broken;
import org.slf4j.LoggerFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaConsumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.retailhub.routes.order.IntakeGate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.app.operations.JsonLogFormat;
import org.retailhub.domain.order.OrderTrace;
import org.retailhub.domain.shared.LoyaltyTier;
import org.retailhub.domain.order.OrderLineRequest;
import org.retailhub.legacy.pos.PosSaleFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

/**
 * The whole hub on its embedded defaults (real PostgreSQL, in-process Kafka, Camunda): orders enter through
 * REST and Kafka and travel to PAID; bad input ends in problem details or the dead-letter topic, changing nothing.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.cdc.enabled=false", "hub.islands.simulator-pause=0s", "hub.embedded.postgres-port=0", "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0", "hub.erp.simulator-port=0",
        "hub.payment.psp.simulator-webhook-delay=PT0.3S", "hub.rfid.simulator.sweep-interval=PT2S"})
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext // close the hub (and its embedded servers) in order before the JVM's exit hooks run
class OrderJourneyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Generated broken messages per channel topic. */
    private static final int POISON_SAMPLE = 40;
    /** What a dead letter masks: a run of 16 to 19 digits may be a card number. */
    private static final Pattern CARD_LIKE = Pattern.compile("(?<![0-9])[0-9]{16,19}(?![0-9])");

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    ObjectMapper json;
    @Autowired
    MeterRegistry meters;
    @Autowired
    org.flywaydb.core.Flyway flyway;
    @Autowired
    IntakeGate gate;
    @Autowired
    CamelContext camel;
    @Autowired
    ProcessEngine engine;

    RestClient api;

    @BeforeEach
    void client() {
        api = HubApi.client(port, HubApi.CHANNEL_USER, HubApi.CHANNEL_PASSWORD);
    }

    @Test
    void restOrderIsPaidWithExactPricesPromotionsAndHistory() throws Exception {
        ResponseEntity<String> accepted = post("/api/orders", """
                {"channel":"WEB","externalId":"IT-REST-1","storeId":"STORE-001","loyaltyTier":"GOLD",
                 "lines":[{"sku":"SKU-0002","quantity":3},{"sku":"SKU-0005","quantity":1}]}""");

        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        String id = json.readTree(accepted.getBody()).get("id").asText();
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/orders/" + id);

        JsonNode order = awaitStatus(id, "PAID");
        assertThat(order.get("orderNumber").asText()).matches("RH-\\d{8}");
        // SKU-0002 (APPAREL, 19.61) x3 for GOLD: 10 % + 15 % + 5 % of 58.83 = 5.88 + 8.82 + 2.94; SKU-0005 (TOYS, 41.54): 5 %
        assertThat(order.get("lines").get(0).get("lineTotal").decimalValue()).isEqualByComparingTo("41.19");
        assertThat(order.get("lines").get(1).get("lineTotal").decimalValue()).isEqualByComparingTo("39.46");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("80.65");
        assertThat(order.get("promotions").findValuesAsText("code"))
                .containsExactly("CATEGORY-APPAREL-10", "MULTIBUY-3", "LOYALTY-GOLD", "LOYALTY-GOLD");
        assertThat(order.get("history").findValuesAsText("status")).containsExactly("RECEIVED", "CONFIRMED", "AWAITING_PAYMENT", "PAID");

        // what the engine's history keeps of the finished instance: it ended at "Order paid"
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("order-fulfilment").processInstanceBusinessKey(id)
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_OrderPaid");
        assertThat(stock("STORE-001", "SKU-0002")).as("on hand after the sale").isEqualTo(197);
    }

    @Test
    void webJsonAndPosTillRecordFromKafkaArePaid() {
        kafka.send("orders.web", "IT-KAFKA-W1", """
                {"orderRef":"IT-KAFKA-W1","store":"WEB-DC","customer":{"loyaltyTier":"SILVER","email":"ignored@example.org"},
                 "items":[{"sku":"SKU-0011","qty":1}]}""");
        kafka.send("orders.pos", "till", new String(PosSaleFormat.format("STORE-002", "TILL-07", "4711", "20261125101500",
                LoyaltyTier.NONE, List.of(new OrderLineRequest("SKU-0012", 2))), StandardCharsets.UTF_8));

        String web = awaitOrderId("WEB", "IT-KAFKA-W1");
        String pos = awaitOrderId("POS", "STORE-002-TILL-07-4711");
        awaitStatus(web, "PAID");
        JsonNode till = awaitStatus(pos, "PAID");
        assertThat(till.get("storeId").asText()).isEqualTo("STORE-002");
    }

    @Test
    void oneOrdersJsonLogLinesCarryItsIdAndTraceFromTheKafkaRouteThroughItsProcessStepsToThePspAndTheErp() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        JsonLogFormat format = new JsonLogFormat();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        AppenderBase<ILoggingEvent> jsonLines = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(format.format(event)); // on the logging thread, whose MDC the line carries
            }
        };
        jsonLines.setContext(root.getLoggerContext());
        jsonLines.start();
        root.addAppender(jsonLines);
        List<Logger> debugged = List.of((Logger) LoggerFactory.getLogger("org.retailhub.connectors.party.PartyClient"),
                (Logger) LoggerFactory.getLogger("org.retailhub.app.operations.ProcessMeters"));
        List<Level> levels = debugged.stream().map(Logger::getLevel).toList();
        debugged.forEach(logger -> logger.setLevel(Level.DEBUG));
        try {
            kafka.send("orders.web", "IT-TRACE-1", """
                    {"orderRef":"IT-TRACE-1","store":"WEB-DC","customer":{"loyaltyTier":"NONE","email":"trace.me@example.org",
                     "phone":"+49 170 5550199"},"items":[{"sku":"SKU-0013","qty":1}]}""");
            String id = awaitOrderId("WEB", "IT-TRACE-1");
            awaitStatus(id, "PAID");

            List<JsonNode> ours = await().atMost(PATIENCE).until(() -> lines.stream().map(this::parsed)
                    .filter(line -> id.equals(line.path("mdc").path(OrderTrace.ORDER_ID).asText())).toList(),
                    found -> found.stream().anyMatch(line -> line.get("message").asText().startsWith("erp POST")));
            assertThat(ours).allSatisfy(line -> assertThat(line.get("mdc").get(OrderTrace.TRACE_ID).asText())
                    .isEqualTo(id.replace("-", "")));
            // the Kafka route's intake, the model's steps on the engine's job threads, and both providers' answers
            assertThat(ours).anySatisfy(line -> assertThat(line.get("message").asText()).isEqualTo("Order " + id + " from WEB accepted"));
            assertThat(ours).anySatisfy(line -> assertThat(line.get("message").asText()).startsWith("Process order-fulfilment step"));
            assertThat(ours).anySatisfy(line -> assertThat(line.get("message").asText()).startsWith("Process payment step"));
            assertThat(ours).anySatisfy(line -> assertThat(line.get("message").asText()).matches("psp POST \\S+ answered HTTP 2\\d\\d in \\d+ ms"));
            assertThat(ours.stream().map(line -> line.get("thread").asText()).distinct()).as("threads").hasSizeGreaterThanOrEqualTo(2);
            assertThat(ours.stream().filter(line -> line.get("logger").asText().endsWith("ProcessMeters")))
                    .allSatisfy(line -> assertThat(line.get("mdc").get("businessKey").asText()).isEqualTo(id));
            assertThat(String.join("", lines)).as("no personal data in any line").doesNotContain("trace.me@example.org")
                    .doesNotContain("5550199");
        } finally {
            for (int i = 0; i < debugged.size(); i++) {
                debugged.get(i).setLevel(levels.get(i));
            }
            root.detachAppender(jsonLines);
            jsonLines.stop();
        }
    }

    private JsonNode parsed(String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not one JSON object: " + line, e);
        }
    }

    @Test
    void sameChannelOrderSubmittedTwiceIsOneOrder() throws Exception {
        String body = """
                {"channel":"APP","externalId":"IT-DUP-1","storeId":"WEB-DC","lines":[{"sku":"SKU-0021","quantity":1}]}""";
        ResponseEntity<String> first = post("/api/orders", body);
        ResponseEntity<String> second = post("/api/orders", body);
        kafka.send("orders.app", "IT-DUP-1", """
                {"orderRef":"IT-DUP-1","store":"WEB-DC","items":[{"sku":"SKU-0021","qty":1}]}""").get();

        assertThat(first.getStatusCode().value()).isEqualTo(202);
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        String id = json.readTree(first.getBody()).get("id").asText();
        assertThat(json.readTree(second.getBody()).get("id").asText()).isEqualTo(id);
        awaitStatus(id, "PAID");
        // the Kafka copy was consumed after the REST ones (same topic order is not guaranteed, so wait on the metric)
        await().atMost(PATIENCE).until(() -> intake("APP", "repeated") >= 2);
        assertThat(jdbc.queryForObject("select count(*) from hub.customer_order where external_id = 'IT-DUP-1'", Integer.class)).isEqualTo(1);
        assertThat(stock("WEB-DC", "SKU-0021")).isEqualTo(199);
    }

    /** Paid by gift card through REST and Kafka, one more dead-lettered: the hub keeps the CRM's token, never the number. */
    @Test
    void giftCardNumbersLeaveNoTraceInTheHubsTablesOrLogs(CapturedOutput output) throws Exception {
        String card = "6036000000000002";
        String rest = json.readTree(post("/api/orders", """
                {"channel":"WEB","externalId":"IT-GIFT-REST","storeId":"WEB-DC","paymentMethod":"GIFT_CARD","giftCardNumber":"%s",
                 "lines":[{"sku":"SKU-0013","quantity":1}]}""".formatted(card)).getBody()).get("id").asText();
        kafka.send("orders.web", "IT-GIFT-KAFKA", """
                {"orderRef":"IT-GIFT-KAFKA","store":"WEB-DC","payment":{"method":"GIFT_CARD","giftCardNumber":"%s"},
                 "items":[{"sku":"SKU-0014","qty":1}]}""".formatted(card));
        kafka.send("orders.web", "IT-GIFT-BROKEN", """
                {"orderRef":"IT-GIFT-BROKEN","store":"WEB-DC","payment":{"method":"GIFT_CARD","giftCardNumber":"%s"},
                 "items":[{"sku":"SKU-0014","qty":0}]}""".formatted(card));

        awaitStatus(rest, "PAID");
        awaitStatus(awaitOrderId("WEB", "IT-GIFT-KAFKA"), "PAID");
        String deadLettered = new String(KafkaProbe.await(bootstrap, "orders.deadletter",
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("IT-GIFT-BROKEN"), PATIENCE).get(0).value(), StandardCharsets.UTF_8);
        assertThat(deadLettered).contains("\"giftCardNumber\":\"************0002\"").doesNotContain(card);

        assertThat(jdbc.queryForList("select p.gift_card_last4 from hub.payment p join hub.customer_order o on o.id = p.order_id"
                + " where o.external_id in ('IT-GIFT-REST', 'IT-GIFT-KAFKA')", String.class)).containsExactly("0002", "0002");
        assertThat(DatabaseScan.columnsContaining(jdbc, card)).as("columns holding the card number").isEmpty();
        assertThat(output.getAll()).as("log lines").doesNotContain(card);
    }

    @Test
    void malformedKafkaMessageGoesToDeadLetterWithReasonAndOriginalBytes() {
        String broken = "{\"orderRef\":\"IT-BROKEN-1\",\"store\":\"WEB-DC\",\"items\":[{\"sku\":\"SKU-0001\",\"qty\":-4}]}";
        String notJson = "this is not an order";
        kafka.send("orders.marketplace", "IT-BROKEN-1", broken);
        kafka.send("orders.pos", "IT-BROKEN-2", notJson);

        ConsumerRecord<String, byte[]> invalid = KafkaProbe.await(bootstrap, "orders.deadletter",
                r -> new String(r.value(), StandardCharsets.UTF_8).equals(broken), PATIENCE).get(0);
        assertThat(KafkaProbe.header(invalid, "dlq-reason")).contains("quantity must be greater than or equal to 1");
        assertThat(KafkaProbe.header(invalid, "dlq-source-topic")).isEqualTo("orders.marketplace");
        ConsumerRecord<String, byte[]> garbage = KafkaProbe.await(bootstrap, "orders.deadletter",
                r -> new String(r.value(), StandardCharsets.UTF_8).equals(notJson), PATIENCE).get(0);
        assertThat(KafkaProbe.header(garbage, "dlq-reason")).contains("expected HDR");
        assertThat(jdbc.queryForObject("select count(*) from hub.customer_order where external_id = 'IT-BROKEN-1'", Integer.class)).isZero();
        // the stream goes on after a poison message
        kafka.send("orders.marketplace", "IT-AFTER-POISON", """
                {"orderRef":"IT-AFTER-POISON","store":"WEB-DC","items":[{"sku":"SKU-0001","qty":1}]}""");
        awaitOrderId("MARKETPLACE", "IT-AFTER-POISON");
    }

    /**
     * Generated broken messages on one partition of the web topic and of the till topic, a good order behind them on
     * the same partition: each is dead-lettered exactly as it came (card-like numbers masked) with its reason and source
     * topic, or was readable and accepted; the good order is accepted; the hub stored an order for each accepted message
     * and nothing for the others.
     */
    @Test
    void generatedPoisonOnAPartitionIsDeadLetteredAsItCameAndTheOrderBehindItIsAccepted() {
        String web = """
                {"orderRef":"IT-FUZZ-W","store":"WEB-DC","customer":{"loyaltyTier":"SILVER"},"allowPartialDelivery":false,
                 "payment":{"method":"CARD"},"items":[{"sku":"SKU-0041","qty":1},{"sku":"SKU-0042","qty":2}]}""";
        String till = new String(PosSaleFormat.format("STORE-002", "TILL-09", "8800", "20261125101500", LoyaltyTier.GOLD,
                List.of(new OrderLineRequest("SKU-0043", 1), new OrderLineRequest("SKU-0044", 2))), StandardCharsets.UTF_8);
        Map<String, byte[]> webSent = poisonThenGood("IT-FUZZ-W-", BrokenInputs.json(web), 20261125L,
                "{\"orderRef\":\"IT-FUZZ-W-GOOD\",\"store\":\"WEB-DC\",\"items\":[{\"sku\":\"SKU-0041\",\"qty\":1}]}");
        Map<String, byte[]> tillSent = poisonThenGood("IT-FUZZ-T-", BrokenInputs.delimited(till, ";", 0), 20261126L,
                new String(PosSaleFormat.format("STORE-002", "TILL-09", "8801", "20261125101600", LoyaltyTier.NONE,
                        List.of(new OrderLineRequest("SKU-0043", 1))), StandardCharsets.UTF_8));
        IntakeCounts webBefore = intakeCounts("WEB");
        IntakeCounts tillBefore = intakeCounts("POS");

        KafkaProbe.publish(bootstrap, "orders.web", 0, webSent);
        KafkaProbe.publish(bootstrap, "orders.pos", 0, tillSent);

        awaitOrderId("WEB", "IT-FUZZ-W-GOOD");
        awaitOrderId("POS", "STORE-002-TILL-09-8801");
        List<ConsumerRecord<String, byte[]>> letters = KafkaProbe.all(bootstrap, "orders.deadletter", PATIENCE);
        int webLetters = deadLettersAsTheyCame(letters, "orders.web", webSent);
        int tillLetters = deadLettersAsTheyCame(letters, "orders.pos", tillSent);
        decidedOnceAndStoredOnlyIfAccepted("WEB", webBefore, webSent.size(), webLetters);
        decidedOnceAndStoredOnlyIfAccepted("POS", tillBefore, tillSent.size(), tillLetters);
        assertThat(webLetters).as("the web sample is mostly poison").isGreaterThan(webSent.size() / 2);
        assertThat(tillLetters).as("the till sample is mostly poison").isGreaterThan(tillSent.size() / 2);
        LoggerFactory.getLogger(OrderJourneyIT.class).info("Generated channel messages on one partition: web {} sent, {} dead-lettered; "
                + "till {} sent, {} dead-lettered", webSent.size(), webLetters, tillSent.size(), tillLetters);
    }

    /** The generated broken messages (distinct), keyed in order, and the good message last. */
    private static Map<String, byte[]> poisonThenGood(String keyPrefix, Arbitrary<Broken> broken, long seed, String good) {
        Map<String, byte[]> messages = new LinkedHashMap<>();
        Set<ByteBuffer> seen = new HashSet<>();
        for (Broken message : BrokenInputs.sample(broken, POISON_SAMPLE, seed)) {
            if (seen.add(ByteBuffer.wrap(message.bytes()))) {
                messages.put(keyPrefix + messages.size(), message.bytes());
            }
        }
        messages.put(keyPrefix + "GOOD", good.getBytes(StandardCharsets.UTF_8));
        return messages;
    }

    /** What the hub counted for a channel's intake, and the orders it holds of that channel. */
    private record IntakeCounts(double accepted, double repeated, int orders) {
    }

    private IntakeCounts intakeCounts(String channel) {
        return new IntakeCounts(intake(channel, "accepted"), intake(channel, "repeated"),
                jdbc.queryForObject("select count(*) from hub.customer_order where channel = ?", Integer.class, channel));
    }

    /** Checks the dead letters of the sent messages (found by key) and returns how many there are. */
    private static int deadLettersAsTheyCame(List<ConsumerRecord<String, byte[]>> letters, String topic, Map<String, byte[]> sent) {
        List<ConsumerRecord<String, byte[]>> ours = letters.stream().filter(l -> sent.containsKey(l.key())).toList();
        for (ConsumerRecord<String, byte[]> letter : ours) {
            byte[] message = sent.get(letter.key());
            if (CARD_LIKE.matcher(new String(message, StandardCharsets.UTF_8)).find()) {
                assertThat(new String(letter.value(), StandardCharsets.UTF_8)).as(letter.key() + ": card-like numbers masked")
                        .doesNotContainPattern(CARD_LIKE);
            } else {
                assertThat(letter.value()).as(letter.key() + ": the original bytes").isEqualTo(message);
            }
            assertThat(KafkaProbe.header(letter, "dlq-reason")).as(letter.key() + ": the reason").isNotBlank();
            assertThat(KafkaProbe.header(letter, "dlq-source-topic")).isEqualTo(topic);
        }
        assertThat(ours.stream().map(ConsumerRecord::key).distinct().count()).as("one dead letter per message").isEqualTo(ours.size());
        return ours.size();
    }

    /** Every sent message was decided once (dead-lettered, or accepted or repeated), and orders were stored for the accepted only. */
    private void decidedOnceAndStoredOnlyIfAccepted(String channel, IntakeCounts before, int sent, int deadLettered) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(intake(channel, "accepted") + intake(channel, "repeated")
                - before.accepted() - before.repeated() + deadLettered).as("messages decided on %s", channel).isEqualTo(sent));
        IntakeCounts after = intakeCounts(channel);
        assertThat(after.orders() - before.orders()).as("orders stored for %s", channel).isEqualTo((int) (after.accepted() - before.accepted()));
    }

    @Test
    void badRestRequestsAnswerProblemDetailsAndChangeNothing() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from hub.customer_order", Integer.class);

        ResponseEntity<String> invalid = post("/api/orders", """
                {"channel":"WEB","externalId":"x' or '1'='1","storeId":"STORE-001","lines":[{"sku":"SKU-0001","quantity":0}]}""");
        ResponseEntity<String> unknownArticle = post("/api/orders", """
                {"channel":"WEB","externalId":"IT-UNKNOWN","storeId":"STORE-001","lines":[{"sku":"SKU-9999","quantity":1}]}""");
        ResponseEntity<String> unreadable = post("/api/orders", "{\"channel\":");
        ResponseEntity<String> unknownOrder = api.get().uri("/api/orders/" + UUID.randomUUID()).retrieve().toEntity(String.class);

        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(invalid.getBody()).get("detail").asText())
                .contains("externalId must be").contains("lines[0].quantity must be greater than or equal to 1");
        assertThat(unknownArticle.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(unknownArticle.getBody()).get("detail").asText()).isEqualTo("unknown articles [SKU-9999]");
        assertThat(unreadable.getStatusCode().value()).isEqualTo(400);
        assertThat(unreadable.getBody()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(unknownOrder.getStatusCode().value()).isEqualTo(404);
        assertThat(unknownOrder.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(jdbc.queryForObject("select count(*) from hub.customer_order", Integer.class)).isEqualTo(before);
    }

    /**
     * Back-pressure with the job executor held back and a drill's limit of one due step: REST answers 503 with
     * Retry-After and problem details and stores nothing, the channel consumers pause, and once the executor runs again
     * the refused order is accepted on its retry and every record sent meanwhile is accepted exactly once.
     */
    @Test
    void aBacklogAboveTheLimitRefusesRestOrdersAndPausesTheChannelsUntilItDrains() throws Exception {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        IntakeCounts webBefore = intakeCounts("WEB");
        double refusalsBefore = meters.get("hub.intake.refusals").counter().count();
        AtomicInteger sequence = new AtomicInteger();
        executor.shutdown();
        try (AutoCloseable drill = gate.limitedTo(1, 0)) {
            ResponseEntity<String> refused = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                    .until(() -> post("/api/orders", backPressureOrder("IT-BP-R" + sequence.incrementAndGet())), r -> r.getStatusCode().value() == 503);
            String refusedId = "IT-BP-R" + sequence.get();
            assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("2");
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(refused.getBody()).get("type").asText()).endsWith("/intake-busy");
            assertThat(orderCount(refusedId)).as("a refused order is not stored").isZero();

            await().atMost(PATIENCE).until(() -> Stream.of("intake-web", "intake-app", "intake-marketplace", "intake-pos")
                    .allMatch(route -> ((KafkaConsumer) camel.getRoute(route).getConsumer()).isKafkaPaused()));
            List<String> sent = List.of("IT-BP-K1", "IT-BP-K2", "IT-BP-K3", "IT-BP-K4", "IT-BP-K5");
            sent.forEach(ref -> kafka.send("orders.web", ref, "{\"orderRef\":\"" + ref + "\",\"store\":\"WEB-DC\",\"items\":[{\"sku\":\"SKU-0046\",\"qty\":1}]}"));
            kafka.flush();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> sent.stream().mapToInt(this::orderCount).sum() == 0);
            assertThat(post("/api/orders", backPressureOrder(refusedId)).getStatusCode().value()).as("still refused while behind").isEqualTo(503);

            executor.start();
            // the gate opens once every due step drained, including those of orders earlier tests left running
            await().atMost(PATIENCE.multipliedBy(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> post("/api/orders", backPressureOrder(refusedId)).getStatusCode().value() == 202);
            drill.close(); // the configured limit again, so the records below do not close the intake a second time
            sent.forEach(ref -> awaitOrderId("WEB", ref));
            assertThat(orderCount(refusedId)).isEqualTo(1);
            assertThat(meters.get("hub.intake.refusals").counter().count() - refusalsBefore).as("REST refusals counted").isGreaterThanOrEqualTo(2);
            int restAccepted = sequence.get();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(intake("WEB", "accepted") - webBefore.accepted())
                    .as("each REST order accepted and each record accepted once").isEqualTo(restAccepted + sent.size()));
            assertThat(intakeCounts("WEB").orders() - webBefore.orders()).isEqualTo(restAccepted + sent.size());
            assertThat(intake("WEB", "repeated") - webBefore.repeated()).as("no record read twice: the pause outlasted the commit interval")
                    .isZero();
            await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                    "select count(*) from hub.customer_order where external_id like 'IT-BP-%' and status = 'RECEIVED'", Integer.class) == 0);
        } finally {
            executor.start();
        }
    }

    private static String backPressureOrder(String externalId) {
        return "{\"channel\":\"WEB\",\"externalId\":\"" + externalId + "\",\"storeId\":\"WEB-DC\",\"lines\":[{\"sku\":\"SKU-0046\",\"quantity\":1}]}";
    }

    private int orderCount(String externalId) {
        return jdbc.queryForObject("select count(*) from hub.customer_order where channel = 'WEB' and external_id = ?", Integer.class, externalId);
    }

    @Test
    void orderLargerThanTheStockIsRejectedWithTheReason() throws Exception {
        String id = json.readTree(post("/api/orders", """
                {"channel":"WEB","externalId":"IT-TOO-MANY","storeId":"STORE-002","lines":[{"sku":"SKU-0030","quantity":500}]}""")
                .getBody()).get("id").asText();

        JsonNode order = awaitStatus(id, "REJECTED");
        assertThat(order.get("statusReason").asText()).isEqualTo("out of stock in STORE-002: SKU-0030");
        assertThat(stock("STORE-002", "SKU-0030")).isEqualTo(200);
    }

    @Test
    void statusChangesLeaveThroughTheOutboxToTheirTopics() throws Exception {
        String id = json.readTree(post("/api/orders", """
                {"channel":"WEB","externalId":"IT-EVENTS","storeId":"WEB-DC","lines":[{"sku":"SKU-0040","quantity":1}]}""")
                .getBody()).get("id").asText();
        awaitStatus(id, "PAID");

        ConsumerRecord<String, byte[]> paid = KafkaProbe.await(bootstrap, "orders.events",
                r -> id.equals(r.key()) && "OrderPaid".equals(KafkaProbe.header(r, "event-type")), PATIENCE).get(0);
        JsonNode event = json.readTree(paid.value());
        assertThat(event.get("status").asText()).isEqualTo("PAID");
        assertThat(event.get("orderId").asText()).isEqualTo(id);
        assertThat(KafkaProbe.header(paid, "event-id")).isNotBlank();
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from hub.outbox where event_key = ? and published_at is null", Integer.class, id) == 0);

        // the payment's own events, keyed by the order like the order's, and the goods issue of its line
        JsonNode captured = json.readTree(KafkaProbe.await(bootstrap, "payments.events",
                r -> id.equals(r.key()) && "PaymentCaptured".equals(KafkaProbe.header(r, "event-type")), PATIENCE).get(0).value());
        assertThat(captured.get("orderId").asText()).isEqualTo(id);
        assertThat(captured.get("status").asText()).isEqualTo("CAPTURED");
        assertThat(captured.get("amount").decimalValue()).isEqualByComparingTo(event.get("total").decimalValue());
        JsonNode issued = json.readTree(KafkaProbe.await(bootstrap, "stock.movements",
                r -> "WEB-DC/SKU-0040".equals(r.key()) && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(id + "/1/issue"),
                PATIENCE).get(0).value());
        assertThat(issued.get("quantity").asInt()).isEqualTo(-1);
        assertThat(issued.get("kind").asText()).isEqualTo("ORDER_ISSUE");
    }

    /**
     * The embedded default's store floor (STORE-001: 194 pieces of SKU-0022 where the ledger says 200, 201 of SKU-0037)
     * publishes Zebra and Impinj reads on the in-process MQTT broker; they become EPCIS observations, stored, queryable
     * and on Kafka. An operator's count finds every piece, and closing it corrects the stock through the ERP's postings
     * and asks the store manager about the shrink (6 x 25.81 above the 100.00 threshold).
     */
    @Test
    void simulatedReadsBecomeEpcisEventsAndACountCorrectsStock() throws Exception {
        String tag = "urn:epc:id:sgtin:4012345.000022.1";
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject(
                "select count(*) from hub.epcis_event_epc where epc = ?", Integer.class, tag) > 0);
        JsonNode found = json.readTree(api.get().uri("/api/epcis/events?epc={epc}", tag).retrieve().body(String.class));
        JsonNode observed = found.at("/epcisBody/eventList/0");
        assertThat(observed.get("type").asText()).isEqualTo("ObjectEvent");
        assertThat(observed.at("/readPoint/id").asText()).startsWith("urn:epc:id:sgln:4012345.00001.");
        String published = observed.get("eventID").asText();
        assertThat(KafkaProbe.await(bootstrap, "rfid.epcis", r -> tag.equals(r.key()), PATIENCE)).isNotEmpty();
        assertThat(published).startsWith("urn:uuid:");

        RestClient operator = HubApi.client(port, "operator", "operator-dev-only");
        String countId = json.readTree(operator.post().uri("/api/rfid/counts").contentType(MediaType.APPLICATION_JSON)
                .body("{\"storeId\":\"STORE-001\"}").retrieve().body(String.class)).get("countId").asText();
        await().atMost(Duration.ofSeconds(90)).until(() -> json.readTree(operator.get().uri("/api/rfid/counts/" + countId).retrieve()
                .body(String.class)).get("tags").asInt() == 194 + 201);
        operator.post().uri("/api/rfid/counts/" + countId + "/close").retrieve().toBodilessEntity();

        JsonNode count = await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(operator.get().uri("/api/rfid/counts/" + countId)
                .retrieve().body(String.class)), c -> "POSTED".equals(c.get("status").asText()));
        assertThat(count.get("shrinkValue").decimalValue()).isEqualByComparingTo("154.86");
        assertThat(stock("STORE-001", "SKU-0022")).isEqualTo(194);
        assertThat(stock("STORE-001", "SKU-0037")).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select count(*) from hub.stock_posting where posting_ref like ? "
                + "and posted_at is not null", Integer.class, "count/" + countId + "/%") == 2);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select count(*) from act_ru_task where task_def_key_ = 'Activity_InvestigateShrink' "
                + "and proc_inst_id_ in (select proc_inst_id_ from act_ru_execution where business_key_ = ?)", Integer.class, countId) == 1);
    }

    @Test
    void twoHundredConcurrentOrdersForTheLastFiftyUnitsConfirmExactlyFifty() throws Exception {
        jdbc.update("update hub.stock set on_hand = 50 where store_id = 'STORE-002' and sku = 'SKU-0050'");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<ResponseEntity<String>>> posts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String body = "{\"channel\":\"MARKETPLACE\",\"externalId\":\"IT-RUSH-" + i
                    + "\",\"storeId\":\"STORE-002\",\"lines\":[{\"sku\":\"SKU-0050\",\"quantity\":1}]}";
            posts.add(clients.submit(() -> post("/api/orders", body)));
        }
        for (Future<ResponseEntity<String>> p : posts) {
            assertThat(p.get().getStatusCode().value()).isEqualTo(202);
        }
        clients.shutdown();

        String finished = "select count(*) from hub.customer_order where external_id like 'IT-RUSH-%' and status in ('PAID', 'REJECTED')";
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject(finished, Integer.class) == 200);
        assertThat(jdbc.queryForObject("select count(*) from hub.customer_order where external_id like 'IT-RUSH-%' and status = 'PAID'",
                Integer.class)).isEqualTo(50);
        assertThat(stock("STORE-002", "SKU-0050")).isZero();
    }

    @Test
    void flywayMigratedTheHubSchemaAndLoadedSampleData() {
        assertThat(jdbc.queryForList("select version from hub.flyway_schema_history where success and version is not null order by installed_rank", String.class))
                .startsWith("1", "1.1");
        assertThat(flyway.info().pending()).as("every migration on the classpath ran").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from hub.article", Integer.class)).isEqualTo(50);
        assertThat(jdbc.queryForObject("select count(*) from hub.store", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("show wal_level", String.class)).isEqualTo("logical");
    }

    @Test
    void cockpitIsServedAndTheDevOnlyDemoLoginWorks() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                .orElseThrow().getValue();

        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(json.readTree(login.body()).get("userId").asText()).isEqualTo("demo");
    }

    private ResponseEntity<String> post(String path, String body) {
        return api.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    private JsonNode awaitStatus(String id, String status) {
        return await().atMost(PATIENCE).until(() -> json.readTree(api.get().uri("/api/orders/" + id).retrieve().body(String.class)),
                order -> status.equals(order.get("status").asText()));
    }

    private String awaitOrderId(String channel, String externalId) {
        return await().atMost(PATIENCE).until(() -> jdbc.queryForList(
                        "select id::text from hub.customer_order where channel = ? and external_id = ?", String.class, channel, externalId),
                ids -> ids.size() == 1).get(0);
    }

    private int stock(String store, String sku) {
        Integer onHand = jdbc.queryForObject("select on_hand from hub.stock where store_id = ? and sku = ?", Integer.class, store, sku);
        return onHand == null ? -1 : onHand;
    }

    private double intake(String channel, String result) {
        var counter = meters.find("hub.orders.intake").tags("channel", channel, "result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
