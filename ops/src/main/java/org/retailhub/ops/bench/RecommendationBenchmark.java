package org.retailhub.ops.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Latency of {@code GET /api/customers/{id}/recommendations?k=10} at a fixed, open-loop rate (the goal: p99
 * at most 20 ms at 200 requests/s). It takes the hub's first customers whose tracking consent the CRM granted (read
 * over JDBC, nothing written: consent comes only the hub's own way, the CRM's change capture; the sample CRM grants it
 * to three contacts in four), sends them behaviour over the REST beacon until their recommendations come from
 * co-occurrence and (with {@code --kafka}) until the insight stream has processed everything the warm-up caused, its
 * repartition topics included, then asks for recommendations of those customers and of unknown ones (one in ten): first
 * for at least {@code --warm-up-seconds} at the same rate, not counted, and (with {@code --metrics-auth}, a user allowed to
 * read the hub's actuator) on until the hub's compiler threads are busy less than {@code --jit-quiet}, at most
 * {@code --warm-up-max-seconds}; then for {@code --seconds}, counted. With the metrics the result also says how much CPU,
 * JIT and GC pauses the hub had during the measurement.
 * Prints one line {@code RECOMMENDATION-BENCHMARK {json}} (with {@code --build}, the load average before and after, and
 * the warm-up's p99 and errors beside the figures) and appends it to {@code --out}.
 * Arguments: {@code --hub=http://localhost:18080 --api-auth="Basic …" --jdbc=jdbc:postgresql://… [--jdbc-user=hub]
 * [--jdbc-password=hub-dev-only] [--rate=200] [--seconds=60] [--customers=40] [--warm-up-events=4000]
 * [--warm-up-seconds=30] [--metrics-auth="Basic …"] [--hub-pid=<the hub's process id: its compiler threads' CPU from /proc>]
 * [--jit-quiet=0.1] [--warm-up-max-seconds=600]
 * [--build=<label of the hub's build>] [--out=ops/bench/results/recommendations.jsonl] [--kafka=localhost:9092]
 * [--insight-group=retail-hub-insight]}.
 */
public final class RecommendationBenchmark {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private RecommendationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.ofEntries(Map.entry("rate", "200"), Map.entry("seconds", "60"),
                Map.entry("customers", "40"), Map.entry("warm-up-events", "4000"), Map.entry("warm-up-seconds", "30"),
                Map.entry("warm-up-max-seconds", "600"), Map.entry("jit-quiet", "0.1"),
                Map.entry("out", "ops/bench/results/recommendations.jsonl"), Map.entry("build", "unknown"),
                Map.entry("jdbc-user", "hub"), Map.entry("jdbc-password", "hub-dev-only")));
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String hub = options.get("hub");
        String auth = options.get("api-auth");
        List<String> customers = consenting(DriverManager.getConnection(options.get("jdbc"), options.get("jdbc-user"), options.get("jdbc-password")),
                Integer.parseInt(options.get("customers")));
        warmUp(http, hub, auth, customers, Integer.parseInt(options.get("warm-up-events")));
        if (options.containsKey("kafka")) {
            settled(options.get("kafka"), options.getOrDefault("insight-group", "retail-hub-insight"));
        }
        double rate = Double.parseDouble(options.get("rate"));
        OptionalLong hubPid = options.containsKey("hub-pid") ? OptionalLong.of(Long.parseLong(options.get("hub-pid"))) : OptionalLong.empty();
        HubMetrics metrics = options.containsKey("metrics-auth") ? new HubMetrics(http, hub, options.get("metrics-auth"), hubPid) : null;
        Run warmUp = warmUpRequests(http, hub, auth, customers, rate, Integer.parseInt(options.get("warm-up-seconds")),
                Integer.parseInt(options.get("warm-up-max-seconds")), Double.parseDouble(options.get("jit-quiet")), metrics);
        HubMetrics.Reading before = metrics == null ? null : metrics.read();
        Run run = Run.of(http, hub, auth, customers, rate, Integer.parseInt(options.get("seconds")), 2);
        String hubFigures = metrics == null ? "" : hubFigures(before, metrics.read());
        String line = "RECOMMENDATION-BENCHMARK " + run.json(options.get("build"), warmUp, hubFigures);
        System.out.println(line);
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Those of the hub's first {@code most} customers whose tracking consent the CRM granted (waits for the change
     * capture's snapshot to bring {@code most} customers; their consent comes in the same transaction).
     */
    private static List<String> consenting(Connection connection, int most) throws Exception {
        List<String> customers = new ArrayList<>();
        try (Connection db = connection;
             PreparedStatement known = db.prepareStatement("select count(*) from hub.customer where erased_at is null");
             PreparedStatement consenting = db.prepareStatement("select f.customer_id from (select customer_id from hub.customer "
                     + "where erased_at is null order by customer_id limit ?) f "
                     + "join hub.tracking_consent t on t.customer_id = f.customer_id where t.granted order by f.customer_id")) {
            db.setReadOnly(true);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (count(known) < most && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            consenting.setInt(1, most);
            try (ResultSet rows = consenting.executeQuery()) {
                while (rows.next()) {
                    customers.add(rows.getString(1));
                }
            }
        }
        if (customers.isEmpty()) {
            throw new IllegalStateException("no customer with tracking consent from the CRM within " + PATIENCE);
        }
        System.err.printf("[recommendation-bench] %d of the first %d customers have the CRM's consent%n", customers.size(), most);
        return customers;
    }

    private static int count(PreparedStatement query) throws Exception {
        try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Behaviour like the demo's (a favourite category each, companions bought together), until the stream has caught up. */
    private static void warmUp(HttpClient http, String hub, String auth, List<String> customers, int events) throws Exception {
        Random random = new Random(1);
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            int who = random.nextInt(customers.size());
            int article = 1 + (random.nextInt(10) * 5 + who % 5) % 50;
            String kind = random.nextInt(3) == 0 ? "PURCHASE" : "VIEW";
            String body = "{\"customer\":\"" + customers.get(who) + "\",\"sku\":\"" + String.format("SKU-%04d", article)
                    + "\",\"kind\":\"" + kind + "\",\"storeId\":\"STORE-001\"}";
            sent.add(http.sendAsync(request(hub, auth, "/api/behaviour").POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding()));
            if (sent.size() == 16) {
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
                sent.clear();
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = customers.get(customers.size() - 1);
        while (System.nanoTime() < deadline) {
            String answer = http.send(request(hub, auth, "/api/customers/" + last + "/recommendations?k=10").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (answer.contains("CO_OCCURRENCE")) {
                System.err.printf("[recommendation-bench] %d behaviour events sent, the stream has caught up%n", events);
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no recommendation from co-occurrence within " + PATIENCE);
    }

    /**
     * Waits until the stream's group has taken every record of its topics (the repartitioned co-occurrences of the
     * warm-up come long after its first answer), twice in a row: measuring while it still works measures the backlog.
     */
    private static void settled(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            int quiet = 0;
            long lag = -1;
            while (quiet < 2 && System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> ends = admin.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                lag = committed.entrySet().stream().mapToLong(e -> ends.get(e.getKey()) - e.getValue().offset()).sum();
                quiet = !committed.isEmpty() && lag == 0 ? quiet + 1 : 0;
                Thread.sleep(1000);
            }
            if (quiet < 2) {
                throw new IllegalStateException("the insight stream still had " + lag + " records to take after " + PATIENCE);
            }
            System.err.printf("[recommendation-bench] the insight stream (group %s) has taken every record%n", group);
        }
    }

    /**
     * Requests at the rate, not counted, for {@code least} seconds and then (with the hub's metrics) on in steps of ten
     * seconds until the hub's compiler threads are busy less than {@code jitQuiet}, at most {@code most} seconds: measured on
     * this machine, the JIT took 0.6 of its two cores for the first minutes under load, with one compiler thread working
     * through the hub's libraries (Kafka's broker, Debezium, Spring's web stack) for well over three minutes.
     */
    private static Run warmUpRequests(HttpClient http, String hub, String auth, List<String> customers, double rate, int least, int most,
                                      double jitQuiet, HubMetrics metrics) {
        Run warmUp = Run.of(http, hub, auth, customers, rate, least, 1);
        if (metrics == null) {
            return warmUp;
        }
        int seconds = least;
        HubMetrics.Reading last = metrics.read();
        double compiling = Double.MAX_VALUE;
        while (seconds < most && compiling >= jitQuiet) {
            warmUp = Run.of(http, hub, auth, customers, rate, 10, seconds);
            seconds += 10;
            HubMetrics.Reading now = metrics.read();
            compiling = now.compilingSince(last);
            last = now;
        }
        System.err.printf(Locale.ROOT, "[recommendation-bench] warmed up for %d s; the hub's JIT was busy %.2f over the last step%n",
                seconds, compiling == Double.MAX_VALUE ? 0 : compiling);
        return new Run(seconds, rate, warmUp.latency(), warmUp.errors(), warmUp.loadBefore(), warmUp.loadAfter());
    }

    /** What the hub's JVM did during the measurement: cores of CPU and of JIT compiling, GC pauses. */
    private static String hubFigures(HubMetrics.Reading before, HubMetrics.Reading after) {
        return String.format(Locale.ROOT, ",\"hubCores\":%.2f,\"hubJitCores\":%.2f,\"hubGcPauses\":%.0f,\"hubGcPauseMs\":%.0f",
                after.cpuSince(before), after.compilingSince(before), after.gcPauses() - before.gcPauses(),
                after.gcPauseMs() - before.gcPauseMs());
    }

    /** Requests at {@code rate} for {@code seconds}, open loop: each one's latency counts from when it was due. */
    private record Run(int seconds, double rate, Latency latency, long errors, double loadBefore, double loadAfter) {

        static Run of(HttpClient http, String hub, String auth, List<String> customers, double rate, int seconds, long seed) {
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Histogram micros = Latency.histogram();
            AtomicLong errors = new AtomicLong();
            List<CompletableFuture<?>> pending = new ArrayList<>();
            Random random = new Random(seed);
            long start = System.currentTimeMillis() + 200;
            new ArrivalSchedule(rate).run(start, Math.round(rate * seconds), (i, due) -> {
                String customer = random.nextInt(10) == 0 ? "CU9" + (900000 + i) : customers.get(random.nextInt(customers.size()));
                pending.add(http.sendAsync(request(hub, auth, "/api/customers/" + customer + "/recommendations?k=10").build(),
                        HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                            if (failure != null || response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                            synchronized (micros) {
                                Latency.record(micros, (System.currentTimeMillis() - due) * 1000);
                            }
                        }));
            });
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
            return new Run(seconds, rate, Latency.of(micros), errors.get(), loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }

        /**
         * This run as the result line, with the warm-up's length (its p99 and errors are those of its last step) and the
         * hub's own figures beside it.
         */
        String json(String build, Run warmUp, String hubFigures) {
            return String.format(Locale.ROOT, "{\"at\":\"%s\",\"build\":\"%s\",\"rate\":%.0f,\"seconds\":%d,\"requests\":%d,\"errors\":%d,"
                            + "\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"p99Ms\":%.1f,\"p999Ms\":%.1f,\"maxMs\":%.1f,\"load1Before\":%.2f,\"load1After\":%.2f,"
                            + "\"warmUpSeconds\":%d,\"warmUpP99Ms\":%.1f,\"warmUpErrors\":%d%s}",
                    Instant.now(), build.replaceAll("[^A-Za-z0-9._:/-]", "_"), rate, seconds, latency.count(), errors,
                    latency.p50(), latency.p95(), latency.p99(), latency.p999(), latency.max(), loadBefore, loadAfter,
                    warmUp.seconds, warmUp.latency.count() == 0 ? 0.0 : warmUp.latency.p99(), warmUp.errors, hubFigures);
        }
    }

    private static HttpRequest.Builder request(String hub, String auth, String path) {
        return HttpRequest.newBuilder(URI.create(hub + path)).timeout(Duration.ofSeconds(10)).header("Authorization", auth);
    }
}
