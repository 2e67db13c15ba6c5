package org.retailhub.app.operations;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A real Prometheus (Debian's {@code prometheus} package, installed by ops/scripts/ensure-prerequisites.sh) that scrapes
 * one hub on loopback every second as the DEV-ONLY operator and evaluates the rules of ops/prometheus every second.
 * The rules are the shipped ones, but each alert's {@code for} wait is shortened to one second so that a test does not
 * wait minutes; the expressions, labels and annotations are unchanged (promtool tests the waits: tests.yml).
 */
final class PrometheusServer implements AutoCloseable {

    static final Path RULES = Path.of("..", "ops", "prometheus").toAbsolutePath().normalize();
    private static final Pattern WAIT = Pattern.compile("(?m)^(\\s+)for: \\S+$");

    private final Process process;
    private final URI base;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private PrometheusServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    static PrometheusServer scraping(int hubPort, Path folder) throws IOException {
        for (String rules : List.of("recording.yml", "alerts.yml")) {
            Files.writeString(folder.resolve(rules), WAIT.matcher(Files.readString(RULES.resolve(rules))).replaceAll("$1for: 1s"));
        }
        Files.writeString(folder.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 2s
                  scrape_timeout: 2s
                  evaluation_interval: 1s
                rule_files: [recording.yml, alerts.yml]
                scrape_configs:
                  - job_name: retail-hub
                    metrics_path: /actuator/prometheus
                    basic_auth: {username: operator, password: operator-dev-only}
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(hubPort));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = folder.resolve("prometheus.log");
        Process process;
        try {
            process = new ProcessBuilder("prometheus", "--config.file=" + folder.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("prometheus not found: run ops/scripts/ensure-prerequisites.sh (Debian package prometheus)", e);
        }
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port), log);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> server.get("/-/ready").startsWith("Prometheus"));
        return server;
    }

    /** Names of the alerts in state {@code firing}, each with its identifying labels (e.g. {@code HubCdcDeadLetters{island=ERP}}). */
    TreeSet<String> firing() {
        TreeSet<String> firing = new TreeSet<>();
        for (JsonNode alert : api("/api/v1/alerts").path("alerts")) {
            if ("firing".equals(alert.path("state").asText())) {
                List<String> labels = new ArrayList<>();
                alert.path("labels").fields().forEachRemaining(l -> {
                    if (!List.of("alertname", "severity").contains(l.getKey())) {
                        labels.add(l.getKey() + "=" + l.getValue().asText());
                    }
                });
                firing.add(alert.path("labels").path("alertname").asText() + "{" + String.join(",", labels) + "}");
            }
        }
        return firing;
    }

    /** The instant query's result, or an assertion error naming Prometheus's complaint. */
    JsonNode query(String promql) {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result");
    }

    /** Every metric name Prometheus holds (scraped and recorded). */
    TreeSet<String> metricNames() {
        TreeSet<String> names = new TreeSet<>();
        api("/api/v1/label/__name__/values").forEach(n -> names.add(n.asText()));
        return names;
    }

    /** Prometheus's log and what it last saw of its scrape target, for a test that failed. */
    String log() {
        try {
            return Files.readString(log) + "\ntargets: " + get("/api/v1/targets");
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private JsonNode api(String path) {
        try {
            JsonNode answer = json.readTree(get(path));
            if (!"success".equals(answer.path("status").asText())) {
                throw new AssertionError("Prometheus refused " + path + ": " + answer);
            }
            return answer.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
