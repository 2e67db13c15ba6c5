package org.retailhub.app.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.app.order.KafkaProbe;
import org.retailhub.connectors.state.StateFolder;
import org.retailhub.domain.lake.CustomerPseudonyms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * Customer insight end to end on the real broker and database: behaviour from the REST beacon and the Kafka beacon,
 * joined to golden ids, dropped without consent, dead-lettered when malformed; recommendations and profiles read
 * from the running topology's stores.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.cdc.enabled=false", "hub.islands.simulator-pause=0s", "hub.embedded.postgres-port=0",
        "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0", "hub.erp.simulator-port=0", "hub.crm.customers.simulator-port=0",
        "hub.lake.interval=PT1S"})
@DirtiesContext
class CustomerInsightIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    MeterRegistry meters;
    @Autowired
    @Qualifier("lakeFolder")
    StateFolder lake;
    @Autowired
    CustomerPseudonyms pseudonyms;

    RestClient shop;

    @BeforeEach
    void customers() {
        shop = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth("integration", "integration-dev-only")).build();
        for (String id : List.of("CU9100001", "CU9100002", "CU9100003", "CU9100004")) {
            jdbc.update("insert into hub.customer (customer_id, loyalty_points) values (?, 0) on conflict do nothing", id);
        }
        jdbc.update("insert into hub.key_xref (kind, hub_key, island, native_key) values ('CUSTOMER', 'CU9100001', 'CRM', 'C9100001') on conflict do nothing");
        jdbc.update("insert into hub.tracking_consent (customer_id, granted, source) values ('CU9100001', true, 'CRM'), ('CU9100002', true, 'CRM'), "
                + "('CU9100003', false, 'CRM'), ('CU9100004', true, 'CRM') on conflict do nothing");
    }

    @Test
    void behaviourFromBothBeaconsMakesRecommendationsAndProfilesOfConsentingCustomersOnly() throws Exception {
        // one customer buys two articles together (REST beacon)
        assertThat(post(event("CU9100002", "SKU-0011", "PURCHASE")).getBody()).contains("ACCEPTED");
        assertThat(post(event("CU9100002", "SKU-0016", "PURCHASE")).getBody()).contains("ACCEPTED");
        // a third looks at something else, which makes it popular
        assertThat(post(event("CU9100004", "SKU-0041", "VIEW")).getBody()).contains("ACCEPTED");
        // another, named by the CRM's number, looks at the first one; one without consent too (Kafka beacon)
        kafka.send("behaviour.events", "C9100001", event("C9100001", "SKU-0011", "VIEW")).get();
        kafka.send("behaviour.events", "CU9100003", event("CU9100003", "SKU-0021", "VIEW")).get();
        kafka.send("behaviour.events", "C9100001", "{\"customer\":\"C9100001\",\"sku\":\"SKU-0011\",\"kind\":\"STARE_AT\"}").get();

        JsonNode recommended = await().atMost(PATIENCE).until(() -> get("/api/customers/C9100001/recommendations?k=5"),
                answer -> answer.path("items").size() > 0 && "CO_OCCURRENCE".equals(answer.path("items").get(0).path("basis").asText()));
        assertThat(recommended.path("items").get(0).path("sku").asText()).as("bought together with what they looked at").isEqualTo("SKU-0016");
        assertThat(skus(recommended)).hasSizeLessThanOrEqualTo(5);

        JsonNode buyer = await().atMost(PATIENCE).until(() -> get("/api/customers/CU9100002/recommendations"),
                answer -> skus(answer).contains("SKU-0041"));
        assertThat(skus(buyer)).as("never what the customer just bought").doesNotContain("SKU-0011", "SKU-0016");

        JsonNode profile = get("/api/customers/CU9100002/profile");
        assertThat(profile.path("frequency").asInt()).isEqualTo(2);
        assertThat(profile.path("preferredCategories").get(0).path("category").asText()).isEqualTo("ELECTRONICS");

        ConsumerRecord<String, byte[]> dead = KafkaProbe.await(bootstrap, "behaviour.deadletter",
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("STARE_AT"), PATIENCE).get(0);
        assertThat(new String(dead.headers().lastHeader("dlq-reason").value(), StandardCharsets.UTF_8)).contains("STARE_AT");

        await().atMost(PATIENCE).until(() -> meters.find("hub.behaviour.events").tag("outcome", "no_consent").counter() != null);
        assertThat(shop.get().uri("/api/customers/CU9100003/profile").retrieve().toEntity(String.class).getStatusCode().value())
                .as("nothing tracked without consent").isEqualTo(404);
    }

    @Test
    void anUnknownCustomerGetsPopularArticlesAndAMalformedEventA400Problem() throws Exception {
        for (String sku : List.of("SKU-0031", "SKU-0032", "SKU-0033")) {
            post(event("CU9100002", sku, "VIEW"));
        }
        JsonNode unknown = await().atMost(PATIENCE).until(() -> get("/api/customers/CU0000000/recommendations?k=3"),
                answer -> answer.path("items").size() == 3);
        assertThat(unknown.path("items")).allMatch(item -> item.path("basis").asText().equals("POPULARITY"));

        ResponseEntity<String> refused = post("{\"customer\":\"CU9100002\",\"sku\":\"SKU-0031\",\"kind\":\"VIEW\",\"quantity\":0}");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).contains("quantity");
        assertThat(post(event("CU9100002", "SKU-9999", "VIEW")).getStatusCode().value()).as("an article the hub does not sell").isEqualTo(400);
        assertThat(shop.get().uri("/api/customers/x/recommendations").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void acceptedBehaviourReachesTheDataLakeUnderThePseudonymOfTheCustomer() throws Exception {
        assertThat(post(event("CU9100004", "SKU-0042", "ADD_TO_CART")).getBody()).contains("ACCEPTED");

        String files = lake.path() + "/type=behaviour/date=*/*.parquet";
        List<String> customers = await().atMost(PATIENCE).until(() -> lakeCustomersOf(files, "SKU-0042", "ADD_TO_CART"), found -> !found.isEmpty());
        assertThat(customers).as("the golden id never, its pseudonym instead").containsExactly(pseudonyms.existing("CU9100004").orElseThrow());
        assertThat(meters.get("hub.lake.rows.exported").tag("type", "behaviour").counter().count()).isPositive();
    }

    private List<String> lakeCustomersOf(String files, String sku, String kind) throws Exception {
        if (jdbc.queryForObject("select count(*) from hub.lake_file where event_type = 'behaviour'", Integer.class) == 0) {
            return List.of();
        }
        List<String> customers = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement query = duck.prepareStatement("select customer from read_parquet('" + files + "') where sku = ? and kind = ?")) {
            query.setString(1, sku);
            query.setString(2, kind);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    customers.add(rows.getString(1));
                }
            }
        }
        return customers;
    }

    @Test
    void aPaidOrderNamingAConsentingCustomerIsTheirPurchaseAndOneNamingNobodyCountsNothing() throws Exception {
        // named by the CRM's number: the order keeps the golden id
        ResponseEntity<String> named = shop.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body("""
                {"channel":"WEB","externalId":"IT-INSIGHT-1","storeId":"WEB-DC","customer":"C9100001","lines":[{"sku":"SKU-0042","quantity":2}]}""")
                .retrieve().toEntity(String.class);
        assertThat(named.getStatusCode().value()).isEqualTo(202);
        assertThat(shop.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body("""
                {"channel":"WEB","externalId":"IT-INSIGHT-2","storeId":"WEB-DC","lines":[{"sku":"SKU-0043","quantity":1}]}""")
                .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(202);
        assertThat(jdbc.queryForObject("select customer_id from hub.customer_order where external_id = 'IT-INSIGHT-1'", String.class))
                .isEqualTo("CU9100001");
        assertThat(shop.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body("""
                {"channel":"WEB","externalId":"IT-INSIGHT-3","storeId":"WEB-DC","customer":"jane@example.org","lines":[{"sku":"SKU-0043","quantity":1}]}""")
                .retrieve().toEntity(String.class).getStatusCode().value()).as("not a customer id").isEqualTo(400);

        JsonNode profile = await().atMost(PATIENCE).until(() -> get("/api/customers/CU9100001/profile"),
                answer -> answer.path("recentlyBought").toString().contains("SKU-0042"));
        assertThat(profile.path("recentlyBought").toString()).doesNotContain("SKU-0043");
        assertThat(meters.find("hub.behaviour.order.purchases").tag("outcome", "accepted").counter().count()).isEqualTo(1.0);
    }

    private static String event(String customer, String sku, String kind) {
        return "{\"customer\":\"" + customer + "\",\"sku\":\"" + sku + "\",\"kind\":\"" + kind + "\",\"storeId\":\"STORE-001\"}";
    }

    private ResponseEntity<String> post(String body) {
        return shop.post().uri("/api/behaviour").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(shop.get().uri(path).retrieve().body(String.class));
    }

    private static List<String> skus(JsonNode answer) {
        List<String> skus = new ArrayList<>();
        answer.path("items").forEach(item -> skus.add(item.path("sku").asText()));
        return skus;
    }
}
