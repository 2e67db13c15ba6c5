package org.retailhub.app.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The HTTP API's OpenAPI 3 description, generated from the running hub's controllers, is the one reviewed in the repo
 * (docs/openapi.json): a controller changed without its description failing here is how the description stays true.
 * Every role reads it, nobody without credentials; Swagger UI serves it in a development run.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.cdc.enabled=false", "hub.islands.simulator-pause=0s", "hub.embedded.postgres-port=0",
        "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0", "hub.erp.simulator-port=0"})
class ApiDescriptionIT {

    /** The reviewed description, from the module's folder (where Maven runs the test). */
    private static final Path REVIEWED = Path.of("../docs/openapi.json");
    private static final Path GENERATED = Path.of("target/openapi.json");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void theRunningHubDescribesItsApiAsTheReviewedSpecDoes() throws Exception {
        ResponseEntity<String> answer = client("analyst").get().uri("/v3/api-docs").retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode running = json.readTree(answer.getBody());
        Files.writeString(GENERATED, json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(running) + "\n");

        assertThat(running.at("/openapi").asText()).startsWith("3.");
        assertThat(running.at("/servers/0/url").asText()).as("the same on every host and port").isEqualTo("/");
        assertThat(running.at("/paths/~1api~1orders/post/requestBody").isMissingNode()).as("POST /api/orders and its body").isFalse();
        assertThat(running.at("/paths/~1api~1epcis~1capture/post").isMissingNode()).isFalse();
        assertThat(running.at("/paths/~1api~1forecasts~1{store}~1{sku}/get").isMissingNode()).isFalse();
        assertThat(running.path("paths").fieldNames()).toIterable().as("the hub's own API only: no Camunda engine, no actuator")
                .allMatch(path -> path.startsWith("/api/"));

        assertThat(Files.exists(REVIEWED)).as("docs/openapi.json exists").isTrue();
        assertThat(running).as("the API changed: review app/target/openapi.json and copy it to docs/openapi.json")
                .isEqualTo(json.readTree(Files.readString(REVIEWED)));
    }

    @Test
    void everyRoleReadsTheDescriptionAndNobodyWithoutCredentials() {
        for (String role : new String[] {"analyst", "operator", "integration", "admin"}) {
            assertThat(client(role).get().uri("/v3/api-docs").retrieve().toEntity(String.class).getStatusCode().value()).as(role).isEqualTo(200);
        }
        ResponseEntity<String> anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build().get().uri("/v3/api-docs").retrieve().toEntity(String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getContentType()).matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
    }

    @Test
    void aDevelopmentRunServesSwaggerUiUnderItsOwnContentPolicy() {
        RestClient browser = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
        ResponseEntity<String> page = browser.get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("swagger-ui-bundle.js");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'self'").contains("frame-ancestors 'none'");
        ResponseEntity<String> config = browser.get().uri("/v3/api-docs/swagger-config").retrieve().toEntity(String.class);
        assertThat(config.getStatusCode().value()).as("the description itself still needs a role").isEqualTo(401);
        assertThat(client("operator").get().uri("/v3/api-docs/swagger-config").retrieve().toEntity(String.class).getBody()).contains("/v3/api-docs");
    }

    /** The DEV-ONLY Basic user of {@code role} (hub.security.mode=dev). */
    private RestClient client(String role) {
        return HubApi.client(port, role, role + "-dev-only");
    }
}
