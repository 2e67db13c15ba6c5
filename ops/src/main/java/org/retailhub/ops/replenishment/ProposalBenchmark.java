package org.retailhub.ops.replenishment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.retailhub.domain.replenishment.ArticleSituation;
import org.retailhub.domain.replenishment.InventoryPosition;
import org.retailhub.domain.replenishment.ReplenishmentPlanner;
import org.retailhub.domain.replenishment.forecast.DemandSeries;
import org.retailhub.domain.replenishment.forecast.ForecastSettings;

/**
 * How long the hub takes to forecast and propose for many article × store series: two years of daily sales each
 * (synthetic, as in the simulation), every series forecast (backtest of every candidate, final fit) and turned into
 * a proposal line by the reorder policy, the series spread over all processors. Not a test: a measurement, with the
 * machine's load average before and after, written as JSON.
 *
 * <pre>ops/bench/replenishment/run.sh [--series 10000] [--days 730] [--threads N] [--warm-up 300] [--out ops/replenishment/results]</pre>
 */
public final class ProposalBenchmark {

    private static final double GOAL_SECONDS = 60;

    private ProposalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandOptions.parse(args, Map.of("series", "10000", "days", "730", "threads",
                String.valueOf(Runtime.getRuntime().availableProcessors()), "warm-up", "300", "seed", "20261202",
                "out", "ops/replenishment/results"));
        Instant started = Instant.now();
        Map<String, Object> machine = MachineState.describe();
        int seriesCount = Integer.parseInt(options.get("series"));
        int days = Integer.parseInt(options.get("days"));
        int stores = 5;
        SyntheticDemand demand = new SyntheticDemand(Long.parseLong(options.get("seed")), (seriesCount + stores - 1) / stores, stores,
                LocalDate.of(2025, 1, 6), days);
        List<ArticleSituation> situations = demand.series().stream().limit(seriesCount).map(s -> new ArticleSituation(
                s.storeId(), s.article().sku(), s.article().category(), DemandSeries.of(demand.day(0), s.demand()),
                s.article().terms(), new InventoryPosition((int) s.demand()[days - 1] * 3, 0, 0))).toList();
        LocalDate today = demand.day(days);
        ReplenishmentPlanner planner = new ReplenishmentPlanner(ForecastSettings.DEFAULT, ReplenishmentSimulation.SHIPPED);
        ForkJoinPool pool = new ForkJoinPool(Integer.parseInt(options.get("threads")));

        int warmUp = Math.min(situations.size(), Integer.parseInt(options.get("warm-up")));
        long warmBegin = System.nanoTime();
        pool.submit(() -> situations.subList(0, warmUp).parallelStream().forEach(s -> planner.plan(s, today))).get();
        double warmSeconds = (System.nanoTime() - warmBegin) / 1e9;

        long cpuBefore = processCpuNanos();
        long begin = System.nanoTime();
        long[] nanos = new long[situations.size()];
        ReplenishmentPlanner.Plan[] plans = new ReplenishmentPlanner.Plan[situations.size()];
        pool.submit(() -> IntStream.range(0, situations.size()).parallel().forEach(i -> {
            long t0 = System.nanoTime();
            plans[i] = planner.plan(situations.get(i), today);
            nanos[i] = System.nanoTime() - t0;
        })).get();
        double seconds = (System.nanoTime() - begin) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        pool.shutdown();
        machine.put("loadAverageAtEnd", MachineState.loadAverage());

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startedAt", started.toString());
        result.put("settings", options);
        result.put("machine", machine);
        result.put("series", situations.size());
        result.put("historyDays", days);
        result.put("warmUpSeries", warmUp);
        result.put("warmUpSeconds", warmSeconds);
        result.put("seconds", seconds);
        result.put("processCpuSeconds", cpuSeconds);
        result.put("cpuMillisPerSeries", 1000 * cpuSeconds / situations.size());
        result.put("seriesPerSecond", situations.size() / seconds);
        result.put("perSeriesMillis", percentiles(nanos));
        result.put("goalSeconds", GOAL_SECONDS);
        result.put("goalMet", seconds <= GOAL_SECONDS);
        Map<String, Integer> models = new TreeMap<>();
        Map<String, Integer> rules = new TreeMap<>();
        for (ReplenishmentPlanner.Plan plan : plans) {
            models.merge(plan.forecast().model().name(), 1, Integer::sum);
            rules.merge(plan.line().explanation().rule().name(), 1, Integer::sum);
        }
        result.put("models", models);
        result.put("rules", rules);

        Path folder = Path.of(options.get("out"));
        Files.createDirectories(folder);
        Path file = folder.resolve("benchmark-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(started) + ".json");
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        Files.writeString(file, json);
        System.out.println(json);
        System.out.printf("PROPOSAL-BENCHMARK %d series in %.1f s (goal %.0f s: %s), load average %s -> %s, written to %s%n",
                situations.size(), seconds, GOAL_SECONDS, seconds <= GOAL_SECONDS ? "met" : "missed", machine.get("loadAverage"),
                machine.get("loadAverageAtEnd"), file);
    }

    private static Map<String, Double> percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("p50", sorted[sorted.length / 2] / 1e6);
        p.put("p90", sorted[(int) (sorted.length * 0.9)] / 1e6);
        p.put("p99", sorted[(int) (sorted.length * 0.99)] / 1e6);
        p.put("max", sorted[sorted.length - 1] / 1e6);
        p.put("mean", Arrays.stream(nanos).average().orElse(0) / 1e6);
        return p;
    }

    /** CPU time of this JVM so far (every thread), where the platform tells it; 0 otherwise. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
