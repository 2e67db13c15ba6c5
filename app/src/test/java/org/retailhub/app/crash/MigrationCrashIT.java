package org.retailhub.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.retailhub.app.embedded.EmbeddedPostgresServer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data migration against a real crash: the hub (its jar, embedded default, islands' history of 5,000 loyalty
 * accounts and 100,000 sale lines with planted defects) runs a masked migration started through the API and is killed
 * with SIGKILL while the sales job is in the middle. Started again on the same folder, the process goes on by itself
 * (the dead instance's job lock released, the batch job restarted from its last committed chunk) and ends with a report
 * whose counts and per-column checksums agree: no row lost, none loaded twice. Neither hub's log holds a clear personal
 * value of the islands.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class MigrationCrashIT {

    private static final String MASKING_KEY = "test-only-crash-masking-key-0123456789";
    private static final int ACCOUNTS = 5_000;
    private static final int SALES = 100_000;
    private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString("operator:operator-dev-only".getBytes(StandardCharsets.UTF_8));
    private static final Duration PATIENCE = Duration.ofMinutes(6);

    @TempDir
    Path folder;

    private final int port = HubProcess.freePort();
    private final int postgresPort = HubProcess.freePort();
    private final int kafkaPort = HubProcess.freePort();
    private final JdbcTemplate hubDb = database(EmbeddedPostgresServer.DATABASE, EmbeddedPostgresServer.ROLE);
    private final JdbcTemplate crm = database(EmbeddedPostgresServer.legacyDatabase("crm"), "crm_owner");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<HubProcess> hubs = new ArrayList<>();

    @Test
    void aHubKilledInTheMiddleOfAMaskedMigrationGoesOnFromItsLastChunkAndLoadsEveryRowOnce() throws Exception {
        List<String> settings = List.of("--hub.embedded.postgres-port=" + postgresPort, "--hub.embedded.kafka-port=" + kafkaPort,
                "--hub.islands.simulator-pause=0s", "--hub.cdc.enabled=false", "--hub.payment.psp.simulator-port=0",
                "--hub.crm.simulator-port=0", "--hub.erp.simulator-port=0", "--hub.migration.masking-key=" + MASKING_KEY,
                "--hub.migration.history.accounts=" + ACCOUNTS, "--hub.migration.history.sales=" + SALES,
                "--hub.migration.reject-threshold-percent=50",
                // the killed instance's job lock is released sooner than the default 30 s: the test waits less
                "--hub.instances.heartbeat-interval=PT3S", "--hub.instances.stale-after=PT10S");
        try {
            HubProcess first = HubProcess.start(folder, "migration-first", port, settings);
            hubs.add(first);
            String runId = startMaskedMigration();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                    .until(() -> count("select count(*) from masked_copy.migrated_sale where run_id = ?", runId) >= 15_000);
            long started = System.nanoTime();
            assertThat(first.kill()).isEqualTo(HubProcess.KILLED_BY_SIGKILL);
            long atKill = count("select count(*) from masked_copy.migrated_sale where run_id = ?", runId);
            assertThat(salesExecutions(runId)).as("a sales job was in the middle when the hub died").contains("STARTED");

            HubProcess restarted = HubProcess.start(folder, "migration-restarted", port, settings);
            hubs.add(restarted);
            JsonNode report = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> report(runId), r -> r != null);
            Duration resumed = Duration.ofNanos(System.nanoTime() - started);

            assertThat(report.get("outcome").asText()).isEqualTo("COMPLETED");
            assertThat(report.get("problems")).isEmpty();
            for (JsonNode entity : report.get("entities")) {
                assertThat(entity.get("loaded").asLong() + entity.get("rejected").asLong()).isEqualTo(entity.get("sourceRows").asLong());
                assertThat(entity.get("targetRows").asLong()).isEqualTo(entity.get("loaded").asLong());
                assertThat(entity.get("loadedMoreThanOnce").asLong()).isZero();
                assertThat(entity.get("sourceChecksums")).isEqualTo(entity.get("targetChecksums"));
                assertThat(entity.get("rejected").asLong()).isPositive();
            }
            JsonNode sales = report.get("entities").get(1);
            assertThat(sales.get("sourceRows").asLong()).isEqualTo(SALES);
            assertThat(count("select count(distinct source_key) from masked_copy.migrated_sale where run_id = ? and loads = 1", runId))
                    .isEqualTo(sales.get("loaded").asLong());
            assertThat(count("select count(*) from hub.migration_quarantine where run_id = ? and entity = 'SALES'", runId))
                    .isEqualTo(sales.get("rejected").asLong());
            assertThat(salesExecutions(runId)).as("each key range completed; those the kill cut, failed first and restarted").doesNotContain("STARTED")
                    .contains("FAILED").filteredOn("COMPLETED"::equals).hasSize(2);
            long readBeforeKill = salesRead(runId, "FAILED");
            long readInAll = salesRead(runId, "FAILED") + salesRead(runId, "COMPLETED");
            assertThat(readBeforeKill).as("what the killed jobs had committed was not read again").isPositive();
            assertThat(readInAll).as("every row read (and its chunk committed) once, across the kill").isEqualTo(SALES);
            noClearPersonalValueIn(runId, List.of(first.log(), restarted.log()));

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("test", "MigrationCrashIT.sigkill");
            figures.put("salesRows", SALES);
            figures.put("salesLoadedAtKill", atKill);
            figures.put("salesReadBeforeKill", readBeforeKill);
            figures.put("salesLoaded", sales.get("loaded").asLong());
            figures.put("salesQuarantined", sales.get("rejected").asLong());
            figures.put("killToReportSeconds", resumed.toSeconds());
            figures.put("restartStartupSeconds", restarted.startup().toSeconds());
            System.out.println("CRASH-SUMMARY " + json.writeValueAsString(figures));
        } finally {
            Collections.reverse(hubs);
            hubs.forEach(HubProcess::close);
        }
    }

    private String startMaskedMigration() throws IOException, InterruptedException {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/migrations"))
                .header("Authorization", OPERATOR).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"sources":"POS,CRM","entities":"LOYALTY_ACCOUNTS,SALES","target":"MASKED_COPY","chunkSize":1000}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return json.readTree(started.body()).get("runId").asText();
    }

    /** The finished run's JSON report, or null while it runs (404). */
    private JsonNode report(String runId) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/migrations/" + runId + "/report.json"))
                .header("Authorization", OPERATOR).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 ? json.readTree(answer.body()) : null;
    }

    private List<String> salesExecutions(String runId) {
        return hubDb.queryForList("""
                select e.status from hub.batch_job_execution e join hub.batch_job_instance i on i.job_instance_id = e.job_instance_id
                  join hub.batch_job_execution_params p on p.job_execution_id = e.job_execution_id
                 where i.job_name = 'migrate-sales' and p.parameter_name = 'runId' and p.parameter_value = ? order by e.job_execution_id""",
                String.class, runId);
    }

    /** Rows the sales jobs of the run read in executions of this status, as their committed chunks recorded. */
    private long salesRead(String runId, String status) {
        return hubDb.queryForObject("""
                select coalesce(sum(s.read_count), 0) from hub.batch_step_execution s
                  join hub.batch_job_execution e on e.job_execution_id = s.job_execution_id
                  join hub.batch_job_instance i on i.job_instance_id = e.job_instance_id
                  join hub.batch_job_execution_params p on p.job_execution_id = e.job_execution_id
                 where i.job_name = 'migrate-sales' and p.parameter_name = 'runId' and p.parameter_value = ? and e.status = ?""",
                Long.class, runId, status);
    }

    /** Sampled clear values of the CRM's accounts appear neither in the masked copy nor in the hubs' logs. */
    private void noClearPersonalValueIn(String runId, List<Path> logs) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path log : logs) {
            text.append(Files.readString(log, StandardCharsets.UTF_8));
        }
        text.append(String.join("\n", hubDb.queryForList("""
                select concat_ws('|', customer_key, card_no, holder_name, email, phone, postcode) from masked_copy.migrated_loyalty_account
                 where run_id = ? and source_key % 50 = 0""", String.class, runId)));
        List<Map<String, Object>> clear = crm.queryForList("select card_no, email, replace(phone, ' ', '') as phone, "
                + "split_part(holder_name, ',', 1) as last_name from loyalty_account where account_no % 50 = 0");
        assertThat(clear).hasSize(ACCOUNTS / 50);
        String searched = text.toString();
        for (Map<String, Object> row : clear) {
            row.values().stream().filter(v -> v != null && v.toString().length() > 5)
                    .forEach(v -> assertThat(searched).as("a clear value in the masked copy or a log").doesNotContain(v.toString()));
        }
    }

    private long count(String sql, String runId) {
        Long n = hubDb.queryForObject(sql, Long.class, runId);
        return n == null ? 0 : n;
    }

    private JdbcTemplate database(String database, String user) {
        return HubProcess.database(postgresPort, database, user);
    }
}
