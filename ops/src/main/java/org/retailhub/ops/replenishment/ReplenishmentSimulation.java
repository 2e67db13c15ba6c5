package org.retailhub.ops.replenishment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.retailhub.domain.replenishment.ServiceLevels;

/**
 * One year of synthetic demand for articles × stores (default 50 × 5) after a year of history, played with the hub's
 * replenishment (forecast + reorder policy; given the promotion calendar, and once without it) and with the
 * retailer's fixed reorder points and quantities, on the same demand and the same lead times. Prints and writes the
 * figures (JSON, Markdown) and a plot (PNG).
 *
 * <pre>ops/scripts/replenishment-simulation.sh [--seed 20261201] [--articles 50] [--stores 5] [--threads N] [--sweep]
 *     [--out ops/replenishment/results]</pre>
 *
 * {@code --sweep} also plays both practices at other service levels, for the curve of fill rate against turnover.
 */
public final class ReplenishmentSimulation {

    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 6);
    static final int HISTORY_DAYS = 365;
    static final int SIMULATED_DAYS = 365;
    /** The hub's shipped service levels (application.yaml, hub.replenishment.service-levels). */
    static final ServiceLevels SHIPPED = new ServiceLevels(Map.of("GROCERY", 0.98), 0.95);
    static final String SHIPPED_LEVELS = "GROCERY 0.98, others 0.95";
    static final double RETAILER_LEVEL = 0.95;
    private static final double[] SWEEP = {0.80, 0.90, 0.98, 0.995};
    static final String HUB = "hub";
    static final String HUB_BLIND = "hub without the promotion calendar";
    static final String RETAILER = "retailer";

    private ReplenishmentSimulation() {
    }

    /** Everything a run found, as written to the JSON file. */
    record Report(String startedAt, Map<String, Object> settings, Map<String, Object> machine, List<PracticeResult> results,
                  Map<String, Object> goals, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandOptions.parse(args, Map.of("seed", "20261201", "articles", "50", "stores", "5",
                "threads", String.valueOf(Runtime.getRuntime().availableProcessors()), "out", "ops/replenishment/results",
                "sweep", "false"));
        Instant started = Instant.now();
        Map<String, Object> machine = MachineState.describe();
        long begin = System.nanoTime();
        SyntheticDemand demand = new SyntheticDemand(Long.parseLong(options.get("seed")), Integer.parseInt(options.get("articles")),
                Integer.parseInt(options.get("stores")), FIRST_DAY, HISTORY_DAYS + SIMULATED_DAYS);
        ForkJoinPool pool = new ForkJoinPool(Integer.parseInt(options.get("threads")));
        List<PracticeResult> results = new ArrayList<>();
        results.add(play(pool, demand, new HubPractice(HUB, demand, SHIPPED, true), SHIPPED_LEVELS));
        results.add(play(pool, demand, new FixedReorderPractice(RETAILER, RETAILER_LEVEL), "z of " + RETAILER_LEVEL));
        results.add(play(pool, demand, new HubPractice(HUB_BLIND, demand, SHIPPED, false), SHIPPED_LEVELS));
        if (Boolean.parseBoolean(options.get("sweep"))) {
            for (double level : SWEEP) {
                results.add(play(pool, demand, new HubPractice(HUB, demand, ServiceLevels.everywhere(level), true), "all " + level));
                results.add(play(pool, demand, new FixedReorderPractice(RETAILER, level), "z of " + level));
            }
        }
        pool.shutdown();
        machine.put("loadAverageAtEnd", MachineState.loadAverage());
        Report report = new Report(started.toString(), settings(options, demand), machine, results,
                goals(results.get(0), results.get(1), results), (System.nanoTime() - begin) / 1e9);
        Path folder = Path.of(options.get("out"));
        Files.createDirectories(folder);
        String stamp = "simulation-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve(stamp + ".json").toFile(), report);
        Files.writeString(folder.resolve(stamp + ".md"), SimulationReport.markdown(report));
        SimulationReport.plot(report, folder.resolve(stamp + ".png"));
        System.out.println(SimulationReport.markdown(report));
        System.out.println("written: " + folder.resolve(stamp + ".json") + ", .md, .png");
    }

    private static PracticeResult play(ForkJoinPool pool, SyntheticDemand demand, OrderingPractice practice, String level)
            throws InterruptedException, ExecutionException {
        List<StockSimulation.Outcome> outcomes = pool.submit(() -> demand.series().parallelStream()
                .map(s -> StockSimulation.run(demand, s, practice, HISTORY_DAYS)).toList()).get();
        PracticeResult result = PracticeResult.of(practice.name(), level, outcomes, SIMULATED_DAYS);
        System.err.printf("%s (%s): fill rate %.4f, turnover %.2f%n", result.practice(), level, result.fillRate(), result.turnover());
        return result;
    }

    private static Map<String, Object> settings(Map<String, String> options, SyntheticDemand demand) {
        Map<String, Object> settings = new LinkedHashMap<>(options);
        settings.put("series", demand.series().size());
        settings.put("intermittentArticles", demand.articles().stream().filter(SyntheticDemand.Article::intermittent).count());
        settings.put("historyFrom", demand.day(0).toString());
        settings.put("simulatedFrom", demand.day(HISTORY_DAYS).toString());
        settings.put("simulatedTo", demand.day(HISTORY_DAYS + SIMULATED_DAYS - 1).toString());
        return settings;
    }

    /** The goals: turnover +30 % at an equal or better fill rate; WAPE at most 0.8 × seasonal naive's. */
    static Map<String, Object> goals(PracticeResult hub, PracticeResult retailer, List<PracticeResult> all) {
        Map<String, Object> goals = new LinkedHashMap<>();
        double gain = hub.turnover() / retailer.turnover() - 1;
        goals.put("turnoverGain", gain);
        goals.put("fillRateDifference", hub.fillRate() - retailer.fillRate());
        goals.put("turnoverGoalMet", gain >= 0.30 && hub.fillRate() >= retailer.fillRate());
        goals.put("wapeRatioToSeasonalNaive", hub.wape() / hub.naiveWape());
        goals.put("wapeGoalMet", hub.wape() <= 0.8 * hub.naiveWape());
        SimulationReport.turnoverAtFillRate(all, RETAILER, hub.fillRate())
                .ifPresent(t -> goals.put("retailerTurnoverAtHubFillRate", t));
        return goals;
    }
}
