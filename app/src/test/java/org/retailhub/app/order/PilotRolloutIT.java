package org.retailhub.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.simulator.erp.ErpDeliverySimulator;
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
 * The pilot rollout on the embedded defaults (real PostgreSQL, in-process Kafka, Camunda, the ERP simulator over HTTP):
 * while orders of one store stream in from Kafka and REST (each also sent twice), an admin puts the store on the legacy
 * path and back on the hub's. Every order is stored once and went exactly one way: a fulfilment process in the hub, or
 * one sales order booked at the legacy ERP, never both, none lost. The switch is audited, measured and admins' alone.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.cdc.enabled=false", "hub.islands.simulator-pause=0s", "hub.embedded.postgres-port=0",
        "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0", "hub.erp.simulator-port=0",
        "hub.payment.psp.simulator-webhook-delay=PT0.3S", "hub.rfid.simulator.sweep-interval=PT2S"})
@DirtiesContext
class PilotRolloutIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String STORE = "WEB-DC";
    /** Orders of each phase (hub, legacy, hub again) accepted before the admin moves on. */
    private static final int PER_PHASE = 12;

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ErpDeliverySimulator erp;
    @Autowired
    MeterRegistry meters;

    @Test
    void aStoreFlippedUnderTrafficSendsEveryOrderExactlyOneWay() throws Exception {
        RestClient admin = HubApi.client(port, "admin", "admin-dev-only");
        HubApi shop = new HubApi(port, json, jdbc);
        Traffic traffic = new Traffic(shop);
        CompletableFuture<Void> streaming = CompletableFuture.runAsync(traffic);
        try {
            awaitOrders("status <> 'FORWARDED_TO_LEGACY'", PER_PHASE);
            assertThat(switchTo(admin, "LEGACY", "pilot paused: back to the ERP").path("path").asText()).isEqualTo("LEGACY");
            awaitOrders("status = 'FORWARDED_TO_LEGACY'", PER_PHASE);
            int hubBefore = count("status <> 'FORWARDED_TO_LEGACY'");
            assertThat(switchTo(admin, "HUB", "pilot resumed").path("path").asText()).isEqualTo("HUB");
            awaitOrders("status <> 'FORWARDED_TO_LEGACY'", hubBefore + PER_PHASE);
        } finally {
            traffic.stop();
        }
        streaming.get();

        // every order sent is stored once, the Kafka ones included (they may trail the REST ones)
        Set<String> sent = traffic.sent();
        await().atMost(PATIENCE).until(() -> keys("true"), stored -> stored.equals(sent));
        assertThat(jdbc.queryForObject("select count(*) from hub.customer_order where store_id = ? and external_id like 'PILOT-%'",
                Integer.class, STORE)).as("one row per order, repeats included").isEqualTo(sent.size());

        // the legacy ones are booked at the ERP exactly once, and nothing else is
        Set<String> legacy = keys("status = 'FORWARDED_TO_LEGACY'");
        Set<String> hub = keys("status <> 'FORWARDED_TO_LEGACY'");
        assertThat(legacy).hasSizeGreaterThanOrEqualTo(PER_PHASE);
        await().atMost(PATIENCE).until(() -> pilotSalesOrders().keySet(), booked -> booked.equals(legacy));
        assertThat(pilotSalesOrders().values().stream().map(this::salesOrderNumber).distinct()).hasSize(legacy.size());
        assertThat(jdbc.queryForObject("select count(*) from hub.legacy_handover h join hub.customer_order o on o.id = h.order_id "
                + "where o.external_id like 'PILOT-%' and h.forwarded_at is not null and h.legacy_reference is not null", Integer.class))
                .isEqualTo(legacy.size());
        // the hub's ones, and only those, have a fulfilment process
        assertThat(keysWithProcess()).isEqualTo(hub);
        assertThat(hub).doesNotContainAnyElementsOf(legacy);
        // a repeat answers the first order and the way it went, even when the store switched in between
        assertThat(traffic.repeatsAnsweredTheFirst()).isTrue();

        assertThat(jdbc.queryForList("select actor || ' ' || detail from hub.audit_event where action = 'store-route-changed' and subject_id = ? order by id",
                String.class, STORE)).containsExactly("admin HUB -> LEGACY: pilot paused: back to the ERP", "admin LEGACY -> HUB: pilot resumed");
        assertThat(meters.get("hub.store.route").tags("store", STORE, "path", "HUB").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("hub.store.route").tags("store", STORE, "path", "LEGACY").gauge().value()).isEqualTo(0.0);
        assertThat(meters.get("hub.orders.intake").tags("path", "LEGACY", "result", "accepted").counters().stream()
                .mapToDouble(c -> c.count()).sum()).isEqualTo(legacy.size());
        JsonNode order = shop.read(jdbc.queryForObject("select id::text from hub.customer_order where channel || ':' || external_id = ?",
                String.class, legacy.iterator().next()));
        assertThat(order.get("status").asText()).as("visible in the hub, not lost").isEqualTo("FORWARDED_TO_LEGACY");
        System.out.printf("PILOT-ROLLOUT %d orders sent (each twice): %d on the hub's path, %d booked at the legacy ERP (%d sales-order requests)%n",
                sent.size(), hub.size(), legacy.size(), erp.salesOrderRequests());
    }

    @Test
    void onlyAdminsSwitchAStoreAndEveryRefusalIsAProblem() {
        RestClient admin = HubApi.client(port, "admin", "admin-dev-only");
        RestClient operator = HubApi.client(port, "operator", "operator-dev-only");

        JsonNode route = tree(operator.get().uri("/api/stores/STORE-002/route").retrieve().body(String.class));
        assertThat(route.get("path").asText()).as("a store nobody routed takes the default").isEqualTo("HUB");
        assertThat(route.get("explicit").asBoolean()).isFalse();
        assertProblem(operator.put().uri("/api/stores/STORE-002/route").contentType(MediaType.APPLICATION_JSON)
                .body("{\"path\":\"LEGACY\",\"reason\":\"not mine\"}").retrieve().toEntity(String.class), 403);
        assertProblem(admin.put().uri("/api/stores/STORE-002/route").contentType(MediaType.APPLICATION_JSON)
                .body("{\"path\":\"SIDEWAYS\",\"reason\":\"typo\"}").retrieve().toEntity(String.class), 400);
        assertProblem(admin.put().uri("/api/stores/STORE-002/route").contentType(MediaType.APPLICATION_JSON)
                .body("{\"path\":\"LEGACY\",\"reason\":\" \"}").retrieve().toEntity(String.class), 400);
        assertProblem(admin.put().uri("/api/stores/NO-SUCH-STORE/route").contentType(MediaType.APPLICATION_JSON)
                .body("{\"path\":\"LEGACY\",\"reason\":\"pilot\"}").retrieve().toEntity(String.class), 404);
        assertProblem(admin.get().uri("/api/stores/bad store!/route").retrieve().toEntity(String.class), 400);
        assertThat(tree(operator.get().uri("/api/stores/STORE-002/route").retrieve().body(String.class)).get("path").asText())
                .as("nothing refused changed anything").isEqualTo("HUB");

        JsonNode switched = tree(admin.put().uri("/api/stores/STORE-002/route").contentType(MediaType.APPLICATION_JSON)
                .body("{\"path\":\"LEGACY\",\"reason\":\"till upgrade this week\"}").retrieve().body(String.class));
        assertThat(switched.get("path").asText()).isEqualTo("LEGACY");
        assertThat(switched.get("changedBy").asText()).isEqualTo("admin");
        assertThat(switched.get("reason").asText()).isEqualTo("till upgrade this week");
        admin.put().uri("/api/stores/STORE-002/route").contentType(MediaType.APPLICATION_JSON)
                .body("{\"path\":\"LEGACY\",\"reason\":\"again\"}").retrieve().toBodilessEntity();
        assertThat(jdbc.queryForObject("select count(*) from hub.audit_event where action = 'store-route-changed' and subject_id = 'STORE-002'",
                Integer.class)).as("setting the path a store has records nothing").isEqualTo(1);
        JsonNode all = tree(operator.get().uri("/api/stores/routes").retrieve().body(String.class));
        assertThat(all.findValuesAsText("storeId")).contains("STORE-002", STORE);
    }

    /** One thread sends orders of the store in turn from the web shop's Kafka topic and over REST, each twice. */
    private final class Traffic implements Runnable {

        private final HubApi shop;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Set<String> sent = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Map<String, String> firstAnswers = new HashMap<>();
        private volatile boolean repeatsAgree = true;

        Traffic(HubApi shop) {
            this.shop = shop;
        }

        @Override
        public void run() {
            for (int n = 1; running.get(); n++) {
                String message = "{\"orderRef\":\"PILOT-K-%d\",\"store\":\"%s\",\"items\":[{\"sku\":\"SKU-00%02d\",\"qty\":1}]}"
                        .formatted(n, STORE, 1 + n % 40);
                kafka.send("orders.web", "PILOT-K-" + n, message);
                kafka.send("orders.web", "PILOT-K-" + n, message); // at least once: the same message again
                sent.add("WEB:PILOT-K-" + n);
                String rest = "{\"channel\":\"APP\",\"externalId\":\"PILOT-R-%d\",\"storeId\":\"%s\",\"lines\":[{\"sku\":\"SKU-00%02d\",\"quantity\":1}]}"
                        .formatted(n, STORE, 1 + n % 40);
                firstAnswers.put("PILOT-R-" + n, submit(rest));
                sent.add("APP:PILOT-R-" + n);
                if (n > 1) { // the previous order again, possibly across a switch
                    repeatsAgree &= submit(rest.replace("PILOT-R-" + n, "PILOT-R-" + (n - 1))).equals(firstAnswers.get("PILOT-R-" + (n - 1)));
                }
            }
        }

        /** The answer's id and path. */
        private String submit(String body) {
            ResponseEntity<String> answer = shop.http.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().toEntity(String.class);
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isIn(200, 202);
            JsonNode accepted = tree(answer.getBody());
            return accepted.get("id").asText() + " " + accepted.get("path").asText();
        }

        void stop() {
            running.set(false);
        }

        Set<String> sent() {
            return Set.copyOf(sent);
        }

        boolean repeatsAnsweredTheFirst() {
            return repeatsAgree;
        }
    }

    private JsonNode switchTo(RestClient admin, String path, String reason) {
        ResponseEntity<String> answer = admin.put().uri("/api/stores/{store}/route", STORE).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("path", path, "reason", reason)).retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return tree(answer.getBody());
    }

    private void awaitOrders(String condition, int atLeast) {
        await().atMost(PATIENCE).until(() -> count(condition), n -> n >= atLeast);
    }

    private int count(String condition) {
        return keys(condition).size();
    }

    /** channel:externalId of the pilot's orders meeting {@code condition} (a constant SQL predicate of this test). */
    private Set<String> keys(String condition) {
        return Set.copyOf(jdbc.queryForList("select channel || ':' || external_id from hub.customer_order where store_id = ? "
                + "and external_id like 'PILOT-%' and " + condition, String.class, STORE));
    }

    private Set<String> keysWithProcess() {
        List<String> keys = jdbc.queryForList("""
                select o.channel || ':' || o.external_id from hub.customer_order o
                 where o.store_id = ? and o.external_id like 'PILOT-%'
                   and exists (select 1 from act_hi_procinst p where p.business_key_ = o.id::text and p.proc_def_key_ = 'order-fulfilment')""",
                String.class, STORE);
        return Set.copyOf(keys);
    }

    private Map<String, String> pilotSalesOrders() {
        return erp.salesOrders().entrySet().stream().filter(e -> e.getKey().contains(":PILOT-"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private String salesOrderNumber(String answer) {
        return tree(answer).get("salesOrder").asText();
    }

    private void assertProblem(ResponseEntity<String> answer, int status) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
