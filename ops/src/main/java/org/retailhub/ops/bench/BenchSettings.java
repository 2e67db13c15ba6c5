package org.retailhub.ops.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one benchmark run does and against which hub, from {@code --name=value} arguments.
 *
 * @param hubUrls        the HTTP base URL of each hub instance; REST orders go to them in turn
 * @param kafka          bootstrap servers of the hub's Kafka
 * @param jdbcUrl        the hub's PostgreSQL (the benchmark reads order timings and stock there)
 * @param apiAuth        value of the {@code Authorization} header for the order API, empty for none
 * @param rates          arrival rates (orders/s) of the sustained ladder, lowest first
 * @param warmUp         arrivals before each measured step, not counted
 * @param step           measured length of each sustained step
 * @param restShare      share of orders posted over REST; the rest go to the channel topics
 * @param burst          orders injected at once in the burst scenario
 * @param duplicateShare share of burst orders sent a second time (a channel re-delivering)
 * @param contentionBuyers orders in the contention scenario
 * @param contentionSkus   articles they all want
 * @param contentionStock  units of each of those articles
 * @param contentionRate   arrivals per second of those buyers
 * @param p99Target      the latency the sustained ladder must hold
 * @param ceilingTime    how long the commit ceiling loop runs
 * @param out            folder for the JSON, Markdown and PNG results
 * @param scenarios      which scenarios to run
 * @param hubPids        process ids of the hub JVMs, for their CPU time per order (none: not measured)
 * @param postgresDataDir the hub's PostgreSQL data folder, whose {@code postmaster.pid} names the server to measure
 * @param start          how the run starts: {@code cold} (the ladder's first step meets the hub as it was started) or
 *                       {@code jit-quiet} (orders at the ladder's first rate, not counted, until the hub's compiler threads
 *                       are busy less than {@code jitQuiet}, at least {@code startWarmUpLeast}, at most {@code startWarmUpMost})
 * @param metricsAuth    {@code Authorization} value of a user allowed to read the hub's actuator metrics (JIT, GC), empty for none
 */
record BenchSettings(List<String> hubUrls, String kafka, String jdbcUrl, String jdbcUser, String jdbcPassword, String apiAuth,
                     List<Integer> rates, Duration warmUp, Duration step, double restShare,
                     int burst, double duplicateShare,
                     int contentionBuyers, int contentionSkus, int contentionStock, int contentionRate,
                     Duration p99Target, Duration ceilingTime, Path out, List<String> scenarios,
                     List<Long> hubPids, Optional<Path> postgresDataDir,
                     String start, Duration startWarmUpLeast, Duration startWarmUpMost, double jitQuiet, String metricsAuth) {

    static final String COLD = "cold";
    static final String JIT_QUIET = "jit-quiet";

    static BenchSettings parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got: " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Args a = new Args(given);
        BenchSettings settings = new BenchSettings(
                Arrays.stream(a.text("hub", "http://localhost:8080").split(",")).map(String::trim).toList(),
                a.text("kafka", "localhost:9092"),
                a.text("jdbc", "jdbc:postgresql://localhost:5433/retailhub"),
                a.text("jdbc-user", "hub"),
                a.text("jdbc-password", "hub-dev-only"),
                a.text("api-auth", ""),
                a.list("rates", "100,200,300,400"),
                Duration.ofSeconds(a.number("warm-up-s", 15)),
                Duration.ofSeconds(a.number("step-s", 60)),
                a.fraction("rest-share", 0.5),
                a.number("burst", 5000),
                a.fraction("duplicate-share", 0.1),
                a.number("contention-buyers", 2000),
                a.number("contention-skus", 3),
                a.number("contention-stock", 300),
                a.number("contention-rate", 50),
                Duration.ofMillis(a.number("p99-target-ms", 150)),
                Duration.ofSeconds(a.number("ceiling-s", 10)),
                Path.of(a.text("out", "ops/bench/results")),
                List.of(a.text("scenarios", "ceiling,sustained,burst,contention").split(",")),
                Arrays.stream(a.text("hub-pids", "").split(",")).map(String::trim).filter(pid -> !pid.isEmpty())
                        .map(Long::parseLong).toList(),
                Optional.ofNullable(a.text("pg-data-dir", null)).map(Path::of),
                a.text("start", COLD),
                Duration.ofSeconds(a.number("start-warm-up-s", 30)),
                Duration.ofSeconds(a.number("start-warm-up-max-s", 600)),
                Double.parseDouble(a.text("jit-quiet", "0.1")),
                a.text("metrics-auth", ""));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments: " + given.keySet());
        }
        if (!List.of(COLD, JIT_QUIET).contains(settings.start())) {
            throw new IllegalArgumentException("--start is " + COLD + " or " + JIT_QUIET + ", got " + settings.start());
        }
        if (JIT_QUIET.equals(settings.start()) && settings.metricsAuth().isEmpty()) {
            throw new IllegalArgumentException("--start=" + JIT_QUIET + " reads the hub's JIT from its actuator: give --metrics-auth");
        }
        return settings;
    }

    /** Reads and removes arguments, so that whatever is left over was misspelt. */
    private record Args(Map<String, String> given) {

        String text(String name, String fallback) {
            String value = given.remove(name);
            return value == null ? fallback : value;
        }

        int number(String name, int fallback) {
            String value = text(name, null);
            return value == null ? fallback : Integer.parseInt(value.trim());
        }

        double fraction(String name, double fallback) {
            String value = text(name, null);
            double f = value == null ? fallback : Double.parseDouble(value.trim());
            if (f < 0 || f > 1) {
                throw new IllegalArgumentException(name + " must be between 0 and 1, got " + f);
            }
            return f;
        }

        List<Integer> list(String name, String fallback) {
            return Arrays.stream(text(name, fallback).split(",")).map(String::trim).map(Integer::valueOf).sorted().toList();
        }
    }
}
