package org.retailhub.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailhub.domain.consistency.Island;
import org.retailhub.legacy.island.IslandSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CRM customer API as a process of its own, serving a CRM database with the CRM's schema: what it created before
 * a SIGKILL is there after the restart (it keeps its state where the CRM does), and a repeated create is no duplicate.
 */
class CrmCustomerApiProcessIT {

    private static final String API_PASSWORD = "process-test-only";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void customersCreatedBeforeASigkillAreThereAfterTheRestart() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
            admin.execute("create role retailhub_cdc");
            admin.execute("create database legacy_crm");
            DataSource crm = postgres.getDatabase("postgres", "legacy_crm");
            IslandSchema.migrate(Island.CRM, crm, "retailhub_cdc");
            String[] options = {"--port", "0", "--database", postgres.getJdbcUrl("postgres", "legacy_crm"), "--database-user", "postgres",
                    "--database-password", "postgres", "--api-password", API_PASSWORD};
            String body = "{\"firstName\":\"Ada\",\"lastName\":\"Process\",\"email\":\"ada@example.org\",\"loyaltyPoints\":7,\"externalRef\":\"hub-proc-1\"}";

            SimulatorProcess api = SimulatorProcess.start(folder.resolve("crm-1.log"), Duration.ofSeconds(90), "crm-customers", options);
            HttpResponse<String> created;
            try {
                created = send(api.baseUrl(), "POST", "/crm/api/customers", body);
                assertThat(created.statusCode()).isEqualTo(201);
            } finally {
                api.kill();
            }
            String number = json.readTree(created.body()).get("customerNo").asText();

            SimulatorProcess again = SimulatorProcess.start(folder.resolve("crm-2.log"), Duration.ofSeconds(90), "crm-customers", options);
            try {
                JsonNode read = json.readTree(send(again.baseUrl(), "GET", "/crm/api/customers/" + number, null).body());
                assertThat(read.get("lastName").asText()).isEqualTo("Process");
                assertThat(read.get("modifiedBy").asText()).isEqualTo(Island.HUB_WRITER);
                HttpResponse<String> repeated = send(again.baseUrl(), "POST", "/crm/api/customers", body);
                assertThat(repeated.statusCode()).as("the same external reference names the customer made before").isEqualTo(200);
                assertThat(json.readTree(repeated.body()).get("customerNo").asText()).isEqualTo(number);
            } finally {
                again.stop();
            }
        }
    }

    private HttpResponse<String> send(URI base, String method, String path, String body) throws Exception {
        String login = Base64.getEncoder().encodeToString((Island.HUB_WRITER + ":" + API_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Basic " + login)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
