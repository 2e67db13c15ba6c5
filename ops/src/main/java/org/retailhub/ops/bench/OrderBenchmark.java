package org.retailhub.ops.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * The order benchmark: runs the scenarios against a running hub and writes
 * {@code <out>/<timestamp>.json}, {@code .md} and {@code .png}. {@code ops/bench/run.sh} starts the hub
 * and then this; see {@code ops/bench/RESULTS.md} for what was measured.
 */
public final class OrderBenchmark {

    /** Everything one run measured, as written to the JSON file. */
    record Report(String startedAt, String runId, Map<String, Object> machine, Map<String, Object> settings,
                  Scenarios.Start start, CommitCeiling.Result commitCeiling, List<Scenarios.Step> sustained, Integer highestRateHoldingTarget,
                  Scenarios.Burst burst, Scenarios.Contention contention, Map<String, Double> ratios) {
    }

    private OrderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BenchSettings settings = BenchSettings.parse(args);
        Instant started = Instant.now();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started);
        String runId = "B" + stamp.replace("T", "").replace("Z", "");
        Files.createDirectories(settings.out());

        CommitCeiling.Result ceiling = null;
        List<Scenarios.Step> sustained = List.of();
        Scenarios.Burst burst = null;
        Scenarios.Contention contention = null;
        Scenarios.Start start;
        try (OrderTraffic traffic = new OrderTraffic(settings); OrderBook book = new OrderBook(settings);
             CostMeter meter = new CostMeter(settings)) {
            Scenarios scenarios = new Scenarios(settings, traffic, book, meter, runId, hubMetrics(settings));
            start = scenarios.start();
            if (meter.measuresCpu()) {
                meter.measureIdle(10_000);
            }
            if (settings.scenarios().contains("ceiling")) {
                ceiling = new CommitCeiling(settings).measure(16);
                Scenarios.log("commit ceiling: %.0f commits/s with 1 client, %.0f with %d", ceiling.oneClient(),
                        ceiling.manyClients(), ceiling.clients());
            }
            if (settings.scenarios().contains("sustained")) {
                sustained = scenarios.sustained();
            }
            if (settings.scenarios().contains("burst")) {
                burst = scenarios.burst();
            }
            if (settings.scenarios().contains("contention")) {
                contention = scenarios.contention(settings.contentionRate());
            }
        }
        Integer highest = sustained.stream().filter(Scenarios.Step::holdsTarget).map(Scenarios.Step::offeredPerSecond)
                .max(Integer::compare).orElse(null);
        Map<String, Double> ratios = new LinkedHashMap<>();
        if (ceiling != null) {
            double best = sustained.stream().mapToDouble(Scenarios.Step::confirmedPerSecond).max().orElse(0);
            ratios.put("bestSustainedConfirmedPerSecondToOneClientCommits", ratio(best, ceiling.oneClient()));
            ratios.put("bestSustainedConfirmedPerSecondToManyClientCommits", ratio(best, ceiling.manyClients()));
            if (burst != null) {
                ratios.put("burstConfirmedPerSecondToManyClientCommits", ratio(burst.confirmedPerSecond(), ceiling.manyClients()));
            }
        }
        Report report = new Report(started.toString(), runId, machine(), settingsOf(settings, args), start, ceiling, sustained,
                highest, burst, contention, ratios);
        new ResultFiles(settings.out(), stamp).write(report, settings);
        Scenarios.log("results: %s", settings.out().resolve(stamp + ".json"));
    }

    /**
     * Each instance's actuator, or none without {@code --metrics-auth}; with {@code --hub-pids} (one per instance, in the
     * same order, as ops/bench/run.sh gives them) the compiler threads' CPU comes from {@code /proc}.
     */
    private static List<HubMetrics> hubMetrics(BenchSettings settings) {
        if (settings.metricsAuth().isEmpty()) {
            return List.of();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> hubs = settings.hubUrls();
        boolean local = settings.hubPids().size() == hubs.size();
        return IntStream.range(0, hubs.size()).mapToObj(i -> new HubMetrics(http, hubs.get(i), settings.metricsAuth(),
                local ? OptionalLong.of(settings.hubPids().get(i)) : OptionalLong.empty())).toList();
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : Math.round(a / b * 1000) / 1000.0;
    }

    private static Map<String, Object> settingsOf(BenchSettings settings, String[] args) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("arguments", List.of(args).stream().filter(a -> !a.startsWith("--jdbc-password") && !a.startsWith("--api-auth")
                && !a.startsWith("--metrics-auth")).toList());
        out.put("hubSettings", System.getenv().getOrDefault("HUB_BENCH_SETTINGS", "(not given)"));
        out.put("p99TargetMs", settings.p99Target().toMillis());
        return out;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("cpu", firstLine("/proc/cpuinfo", "model name"));
        m.put("memory", firstLine("/proc/meminfo", "MemTotal"));
        return m;
    }

    private static String firstLine(String file, String key) {
        try (var lines = Files.lines(java.nio.file.Path.of(file))) {
            return lines.filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
