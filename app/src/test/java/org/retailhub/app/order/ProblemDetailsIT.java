package org.retailhub.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * Every error the hub answers is an RFC 9457 problem detail, whoever raises it: Spring MVC (404, 405, 406, 415, 400 from
 * binding), a filter (Camunda's webapp filter refusing a method), and a database that does not answer (503 with
 * {@code Retry-After}, nothing stored, and the hub serves again once it is back).
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.cdc.enabled=false", "hub.islands.simulator-pause=0s", "hub.embedded.postgres-port=0",
        "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0", "hub.erp.simulator-port=0",
        // a request waits this long for a connection before it is told the database is down (default 30 s)
        "spring.datasource.hikari.connection-timeout=2000"})
@DirtiesContext
class ProblemDetailsIT {

    @LocalServerPort
    int port;
    @Value("${hub.embedded.postgres-actual-port}")
    int postgresPort;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyKindOfErrorIsAProblemDetail() throws Exception {
        HubApi hub = new HubApi(port, json, jdbc);
        String order = hub.submit("PD-" + UUID.randomUUID(), "SKU-0003", 1, "CARD", null);

        assertProblem(send(hub.http, HttpMethod.GET, "/camunda/no-such-page", null, null, MediaType.APPLICATION_JSON), 404);
        assertProblem(send(hub.http, HttpMethod.POST, "/", null, null, MediaType.APPLICATION_JSON), 405);
        assertProblem(send(hub.http, HttpMethod.GET, "/api/orders/" + order, null, null, MediaType.TEXT_HTML), 406);
        assertProblem(send(hub.http, HttpMethod.POST, "/api/orders", "an order", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON), 415);
        assertProblem(send(hub.http, HttpMethod.POST, "/api/orders", "{\"channel\":", MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON), 400);
        assertProblem(send(hub.http, HttpMethod.GET, "/api/orders/not-an-id", null, null, MediaType.APPLICATION_JSON), 400);
        ResponseEntity<String> byFilter = send(hub.http, HttpMethod.DELETE, "/camunda/app/cockpit/default/", null, null, MediaType.APPLICATION_JSON);
        assertProblem(byFilter, 403);
        assertThat(byFilter.getBody()).doesNotContain("Whitelabel", "timestamp", "trace", "exception");
    }

    @Test
    void whileTheDatabaseIsDownCallersAreToldToRetryAndNothingIsStored() throws Exception {
        HubApi hub = new HubApi(port, json, jdbc);
        String order = hub.submit("PD-" + UUID.randomUUID(), "SKU-0004", 1, "CARD", null);
        String lost = "PD-DOWN-" + UUID.randomUUID();

        databaseAllowsConnections(false);
        try {
            ResponseEntity<String> read = send(hub.http, HttpMethod.GET, "/api/orders/" + order, null, null, MediaType.APPLICATION_JSON);
            ResponseEntity<String> submit = send(hub.http, HttpMethod.POST, "/api/orders", "{\"channel\":\"WEB\",\"externalId\":\"" + lost
                    + "\",\"storeId\":\"WEB-DC\",\"lines\":[{\"sku\":\"SKU-0004\",\"quantity\":1}]}", MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON);
            ResponseEntity<String> cancel = send(hub.http, HttpMethod.POST, "/api/orders/" + order + "/cancellation", "{}",
                    MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON);
            for (ResponseEntity<String> answer : java.util.List.of(read, submit, cancel)) {
                JsonNode problem = assertProblem(answer, 503);
                assertThat(problem.get("type").asText()).endsWith("/dependency-unavailable");
                assertThat(Long.parseLong(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
            }
        } finally {
            databaseAllowsConnections(true);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(send(hub.http, HttpMethod.GET, "/api/orders/" + order, null, null, MediaType.APPLICATION_JSON).getStatusCode().value())
                        .as("served again once the database is back").isEqualTo(200));
        assertThat(jdbc.queryForObject("select count(*) from hub.customer_order where external_id = ?", Integer.class, lost))
                .as("the order submitted while the database was down").isZero();
    }

    /** What an outage looks like to the hub: its connections dropped, and new ones refused by the server. */
    private void databaseAllowsConnections(boolean allowed) throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "");
             Statement sql = admin.createStatement()) {
            sql.execute("alter database retailhub allow_connections " + allowed);
            if (!allowed) {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'retailhub'");
            }
        }
    }

    private JsonNode assertProblem(ResponseEntity<String> answer, int status) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).as("content type of the %d", status)
                .matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        return problem;
    }

    private static ResponseEntity<String> send(RestClient client, HttpMethod method, String path, String body, MediaType type, MediaType accept) {
        RestClient.RequestBodySpec request = client.method(method).uri(path).accept(accept);
        if (body != null) {
            request.contentType(type).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }
}
