package org.retailhub.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.app.consistency.IslandDatabases;
import org.retailhub.connectors.cdc.CdcEngines;
import org.retailhub.simulator.psp.PspSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * A real Prometheus scrapes the hub on loopback with the rules of ops/prometheus. Faults an operator must hear about
 * are induced for real: a broken order message on a channel topic, a PSP that answers 503 (payment steps run out of
 * retries, its circuit opens), a change in the ERP the hub cannot take, the CDC engines stopped, and a reconciliation of
 * the sample islands, which finds them far from consistent. Each matching
 * alert fires, and none of the others (the hub is up, nothing is captured twice, no backlog). Then every PromQL
 * expression of the Grafana dashboards in ops/grafana is valid and reads only metrics Prometheus holds.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.embedded.postgres-port=0", "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0",
        "hub.erp.simulator-port=0", "hub.islands.simulator-pause=0s", "hub.operations.meter-refresh=PT1S"})
@AutoConfigureObservability(tracing = false) // a test context exports no metrics otherwise (/actuator/prometheus answers 404)
@DirtiesContext // the CDC engines are stopped at the end; close the hub (and its embedded servers) in order
class PrometheusAlertIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final Path DASHBOARDS = Path.of("..", "ops", "grafana").toAbsolutePath().normalize();
    private static final Pattern METRIC = Pattern.compile("\\b(hub[_:][a-z0-9_:]+|up|jvm_[a-z0-9_]+|hikaricp_[a-z0-9_]+)\\b(?!\\s*[=!~(])");

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    PspSimulator psp;
    @Autowired
    CdcEngines cdc;
    @Autowired
    IslandDatabases islands;
    @Autowired
    ObjectMapper json;

    @TempDir
    Path folder;

    @Test
    void inducedFaultsFireTheirAlertsAndTheDashboardsReadOnlyExistingMetrics() throws Exception {
        RestClient channel = client("integration", "integration-dev-only");
        RestClient operator = client("operator", "operator-dev-only");
        try (PrometheusServer prometheus = PrometheusServer.scraping(port, folder)) {
            try {
                await().atMost(PATIENCE).until(() -> prometheus.query("up{job=\"retail-hub\"} == 1").size() == 1);
                // a healthy start: orders go through, every island is captured by this instance, no alert fires
                submit(channel, "IT-PROM-1");
                submit(channel, "IT-PROM-2");
                await().atMost(PATIENCE).until(() -> !prometheus.query("sum(hub_process_duration_seconds_count{process=\"order-fulfilment\"}) >= 2").isEmpty());
                await().atMost(PATIENCE).until(() -> !prometheus.query("sum(hub_cdc_capturing) == 3").isEmpty());
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(prometheus.firing()).as("alerts of a healthy hub").isEmpty());
                RestClient anyone = RestClient.builder().baseUrl("http://localhost:" + port).build();
                assertThat(anyone.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("\"UP\"");
                assertThat(anyone.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"UP\"");

                // the faults, and a reconciliation of the sample islands, which are far from consistent (docs/legacy-islands.md)
                assertThat(operator.post().uri("/api/consistency/reconciliations").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(202);
                kafka.send("orders.web", "IT-PROM-BROKEN", "{\"orderRef\":\"IT-PROM-BROKEN\",\"store\":\"WEB-DC\",\"items\":[{\"sku\":\"SKU-0001\",\"qty\":0}]}");
                psp.faults().failNext(1_000_000);
                submit(channel, "IT-PROM-3");
                submit(channel, "IT-PROM-4");
                islands.erp().update("insert into mara (matnr, maktx, matkl, aenam) values ('000000000000999998', 'Mystery article', 'ZZZZ', 'CLERK7')");
                await().atMost(PATIENCE).until(() -> prometheus.firing().contains("HubCdcDeadLetters{island=ERP}"));
                cdc.stop();

                await().atMost(PATIENCE).untilAsserted(() -> assertThat(prometheus.firing())
                        .contains("HubOrderDeadLetters{topic=orders.web}", "HubCdcDeadLetters{island=ERP}", "HubPartyCircuitOpen{party=psp}",
                                "HubCdcIslandNotCaptured{island=CRM}", "HubCdcIslandNotCaptured{island=ERP}", "HubCdcIslandNotCaptured{island=POS}",
                                "HubConsistencyLow{}")
                        .anySatisfy(alert -> assertThat(alert).startsWith("HubProcessIncidents{process=payment,")));
                assertThat(prometheus.firing()).as("alerts no fault was induced for").noneMatch(alert -> alert.startsWith("HubDown")
                        || alert.startsWith("HubCdcIslandCapturedTwice") || alert.startsWith("HubOutboxBacklog") || alert.startsWith("HubIntakeBehind"));
                System.out.println("PROMETHEUS-ALERTS firing: " + prometheus.firing());

                // the dashboards: each expression valid, on metrics that exist (the reconciliation's report included)
                await().atMost(PATIENCE).until(() -> prometheus.metricNames().contains("hub_consistency_kind_percent"));
                TreeSet<String> known = prometheus.metricNames();
                List<String> expressions = dashboardExpressions();
                assertThat(expressions).hasSizeGreaterThan(20);
                for (String expression : expressions) {
                    prometheus.query(expression);
                    assertThat(metricsOf(expression)).as("metrics of the panel expression %s", expression).isNotEmpty().isSubsetOf(known);
                }
            } catch (AssertionError | RuntimeException e) {
                System.out.println("Prometheus's log:\n" + prometheus.log());
                throw e;
            }
        }
    }

    private void submit(RestClient channel, String externalId) {
        String body = "{\"channel\":\"WEB\",\"externalId\":\"" + externalId + "\",\"storeId\":\"WEB-DC\",\"paymentMethod\":\"CARD\","
                + "\"lines\":[{\"sku\":\"SKU-0002\",\"quantity\":1}]}";
        assertThat(channel.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity()
                .getStatusCode().is2xxSuccessful()).as("order %s accepted", externalId).isTrue();
    }

    private RestClient client(String user, String password) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth(user, password)).build();
    }

    private List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode panel : json.readTree(file.toFile()).path("panels")) {
                    panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
                }
            }
        }
        return expressions;
    }

    /** The metric names an expression reads: the hub's, recorded series, up, JVM and pool (label names and functions are not matched). */
    static TreeSet<String> metricsOf(String expression) {
        TreeSet<String> names = new TreeSet<>();
        Matcher metric = METRIC.matcher(expression.replaceAll("\\{[^}]*}", " ").replaceAll("by \\([^)]*\\)", " "));
        while (metric.find()) {
            names.add(metric.group(1));
        }
        return names;
    }
}
