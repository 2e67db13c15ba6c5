package org.retailhub.ops.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/** The four scenarios of the order benchmark, each against the running hub. */
final class Scenarios {

    /** One step of the sustained ladder. */
    record Step(int offeredPerSecond, long measuredOrders, long confirmed, long notConfirmed, double confirmedPerSecond,
                Latency acceptedToConfirmed, Latency dueToConfirmed, Latency acceptedToPaid, int sendFailures, int refused,
                List<String> firstFailures, double secondsToSettle, boolean holdsTarget, CostMeter.PerOrder cost, Jvm hubJvm) {
    }

    /**
     * How the run started: {@code cold} (the first step met the hub as it was started) or {@code jit-quiet} (orders at
     * {@code warmUpRate}, not counted, for {@code warmUpSeconds} until the hub's compiler threads were busy
     * {@code jitBusyAtEnd} of one thread's time over the last ten seconds; {@code jitQuiet} false when the warm-up's
     * longest time ran out first).
     */
    record Start(String mode, int warmUpSeconds, int warmUpRate, long warmUpOrders, Double jitBusyAtEnd, Boolean jitQuiet) {
    }

    /**
     * The hub JVMs during a step, from their actuators (null without {@code --metrics-auth}): cores busy in all, how busy
     * the JIT's compiler threads were (their CPU per second of wall time from {@code /proc} with {@code --hub-pids}; else
     * the actuator's {@code jvm.compilation.time}, elapsed time that includes waiting for a core: {@link CompilerThreads}),
     * and the GC's pauses.
     */
    record Jvm(double cores, double compilerBusy, double gcPauses, double gcPauseMs) {
    }

    /** The burst: everything injected at once, then counted. */
    record Burst(int orders, int duplicatesSent, long rows, long distinctOrders, long confirmed, double secondsUntilAllConfirmed,
                 double confirmedPerSecond, Latency acceptedToConfirmed, Latency acceptedToPaid, double secondsUntilAllPaid,
                 Map<String, OrderEvents.Tally> events, int sendFailures, boolean exactlyOnce, CostMeter.PerOrder cost) {
    }

    /** Many buyers for a few articles. */
    record Contention(int buyers, int offeredPerSecond, List<String> skus, int stockPerSku, long confirmed, long notConfirmed,
                      Map<String, Integer> unitsTaken, boolean oversold, Latency acceptedToConfirmed, double confirmedPerSecond) {
    }

    static final List<String> STORES = List.of("STORE-001", "STORE-002", "WEB-DC");
    /** The sustained and burst orders buy these; the contention scenario keeps the last few to itself. */
    static final List<String> SKUS = IntStream.rangeClosed(1, 50).mapToObj(i -> String.format("SKU-%04d", i)).toList();

    /** How long the hub is read at rest before each scenario, for its CPU net of the pollers' own. */
    private static final long IDLE_MILLIS = 5_000;

    private final BenchSettings settings;
    private final OrderTraffic traffic;
    private final OrderBook book;
    private final CostMeter meter;
    private final String runId;
    /** The hub instances' actuators, empty without {@code --metrics-auth}. */
    private final List<HubMetrics> jvms;

    Scenarios(BenchSettings settings, OrderTraffic traffic, OrderBook book, CostMeter meter, String runId, List<HubMetrics> jvms) {
        this.settings = settings;
        this.traffic = traffic;
        this.book = book;
        this.meter = meter;
        this.runId = runId;
        this.jvms = jvms;
    }

    /**
     * Brings the hub to the state the measurement is meant for: nothing for {@code --start=cold}; for {@code jit-quiet},
     * orders at the ladder's first rate in rounds of ten seconds, at least {@code --start-warm-up-s} and on until every
     * instance's compiler threads were busy less than {@code --jit-quiet} over a round, at most {@code --start-warm-up-max-s}.
     * The orders are real (the shelves are filled again before the ladder) and counted nowhere.
     */
    Start start() throws Exception {
        if (BenchSettings.COLD.equals(settings.start())) {
            return new Start(BenchSettings.COLD, 0, 0, 0, null, null);
        }
        book.fillShelves(everydaySkus());
        int rate = settings.rates().get(0);
        List<HubMetrics.Reading> last = readJvms();
        int seconds = 0;
        long orders = 0;
        double busiest = 1;
        while (seconds < settings.startWarmUpMost().toSeconds()
                && (seconds < settings.startWarmUpLeast().toSeconds() || busiest >= settings.jitQuiet())) {
            String prefix = runId + "-warm" + seconds + "-";
            orders += send(prefix, rate, 10);
            seconds += 10;
            List<HubMetrics.Reading> now = readJvms();
            busiest = 0;
            for (int i = 0; i < now.size(); i++) {
                busiest = Math.max(busiest, now.get(i).compilingSince(last.get(i)));
            }
            last = now;
        }
        log("start: %d orders at %d/s for %d s, not counted; the busiest instance's JIT was busy %.2f over the last 10 s",
                orders, rate, seconds, busiest);
        return new Start(BenchSettings.JIT_QUIET, seconds, rate, orders, hundredths(busiest), busiest < settings.jitQuiet());
    }

    /** Sends {@code seconds} of orders at {@code rate} and waits until the hub decided them; returns how many were sent. */
    private int send(String prefix, int rate, int seconds) throws Exception {
        traffic.reset();
        int total = rate * seconds;
        new ArrivalSchedule(rate).run(System.currentTimeMillis() + 200, total,
                (i, dueMillis) -> traffic.send(arrival(prefix, i, everydaySkus(), new Random(i))));
        traffic.awaitAnswers(total, Duration.ofSeconds(60));
        book.awaitDecided(prefix, total - traffic.failures(), Duration.ofSeconds(180));
        return total;
    }

    private List<HubMetrics.Reading> readJvms() {
        return jvms.stream().map(HubMetrics::read).toList();
    }

    /** All instances together between two readings of each. */
    private static Jvm jvmSince(List<HubMetrics.Reading> before, List<HubMetrics.Reading> after) {
        if (before.isEmpty()) {
            return null;
        }
        double cores = 0;
        double jit = 0;
        double pauses = 0;
        double pauseMs = 0;
        for (int i = 0; i < before.size(); i++) {
            HubMetrics.Reading b = before.get(i);
            HubMetrics.Reading a = after.get(i);
            cores += a.cpuSince(b);
            jit += a.compilingSince(b);
            pauses += a.gcPauses() - b.gcPauses();
            pauseMs += a.gcPauseMs() - b.gcPauseMs();
        }
        return new Jvm(hundredths(cores), hundredths(jit), pauses, Math.round(pauseMs));
    }

    List<String> everydaySkus() {
        return SKUS.subList(0, SKUS.size() - settings.contentionSkus());
    }

    List<Step> sustained() throws Exception {
        book.fillShelves(everydaySkus());
        List<Step> steps = new ArrayList<>();
        for (int rate : settings.rates()) {
            Step step = sustainedStep(rate);
            steps.add(step);
            log("sustained %d/s: %.1f confirmed/s, accepted->CONFIRMED p50 %.1f p99 %.1f max %.1f ms, due->CONFIRMED p99 %.1f ms, "
                            + "accepted->PAID p50 %.1f p99 %.1f ms; per order %.1f ms CPU (hub %.1f, PostgreSQL %.1f; %.1f net of rest), "
                            + "%.1f commits, %.1f row writes%s",
                    rate, step.confirmedPerSecond(), step.acceptedToConfirmed().p50(), step.acceptedToConfirmed().p99(),
                    step.acceptedToConfirmed().max(), step.dueToConfirmed().p99(), step.acceptedToPaid().p50(),
                    step.acceptedToPaid().p99(), step.cost().cpuMs(), step.cost().hubCpuMs(), step.cost().postgresCpuMs(),
                    step.cost().netCpuMs(), step.cost().commits(), step.cost().rowWrites(), step.holdsTarget() ? "" : "  (misses the target)");
            if (step.hubJvm() != null) {
                log("sustained %d/s: the hub used %.2f cores, its compiler threads were busy %.2f; %.0f GC pauses, %.0f ms", rate, step.hubJvm().cores(),
                        step.hubJvm().compilerBusy(), step.hubJvm().gcPauses(), step.hubJvm().gcPauseMs());
            }
            if (!step.holdsTarget() && step.confirmedPerSecond() < 0.8 * rate) {
                log("stopping the ladder: the hub no longer keeps up with %d/s", rate);
                break;
            }
        }
        return steps;
    }

    private Step sustainedStep(int rate) throws Exception {
        traffic.reset();
        String prefix = runId + "-r" + rate + "-";
        int warm = (int) (rate * settings.warmUp().toSeconds());
        int total = warm + (int) (rate * settings.step().toSeconds());
        long[] due = new long[total];
        meter.measureIdle(IDLE_MILLIS);
        CostMeter.Reading before = meter.read();
        List<HubMetrics.Reading> jvmBefore = readJvms();
        ArrivalSchedule schedule = new ArrivalSchedule(rate);
        long start = System.currentTimeMillis() + 200;
        schedule.run(start, total, (i, dueMillis) -> {
            due[(int) i] = dueMillis;
            traffic.send(arrival(prefix, i, everydaySkus(), new Random(i)));
        });
        traffic.awaitAnswers(total, Duration.ofSeconds(60));
        book.awaitDecided(prefix, total - traffic.failures(), Duration.ofSeconds(180));
        Jvm jvm = jvmSince(jvmBefore, readJvms());

        Histogram accepted = Latency.histogram();
        Histogram endToEnd = Latency.histogram();
        Histogram paid = Latency.histogram();
        long windowStart = due[warm] * 1000;
        long windowEnd = windowStart + settings.step().toMillis() * 1000;
        long confirmed = 0;
        long confirmedInWindow = 0;
        long measured = 0;
        for (OrderBook.Timing t : book.timings(prefix)) {
            int i = Integer.parseInt(t.externalId().substring(prefix.length()));
            if (t.confirmed() && t.confirmedMicros() >= windowStart && t.confirmedMicros() < windowEnd) {
                confirmedInWindow++;
            }
            if (i < warm) {
                continue;
            }
            measured++;
            if (t.confirmed()) {
                confirmed++;
                Latency.record(accepted, t.confirmedMicros() - t.acceptedMicros());
                Latency.record(endToEnd, t.confirmedMicros() - due[i] * 1000);
            }
        }
        long settleStart = System.currentTimeMillis();
        book.awaitSettled(prefix, Duration.ofSeconds(300));
        CostMeter.Reading cpuAfter = meter.read();
        for (OrderBook.Timing t : book.timings(prefix)) {
            if (t.paid() && Integer.parseInt(t.externalId().substring(prefix.length())) >= warm) {
                Latency.record(paid, t.paidMicros() - t.acceptedMicros());
            }
        }
        CostMeter.settleStatistics();
        CostMeter.PerOrder cost = meter.perOrder(total, before, cpuAfter, meter.read());
        double perSecond = confirmedInWindow / (double) settings.step().toSeconds();
        Latency acceptedLatency = Latency.of(accepted);
        boolean holds = traffic.failures() == 0 && confirmed == total - warm
                && acceptedLatency.p99() <= settings.p99Target().toMillis() && perSecond >= 0.95 * rate;
        return new Step(rate, measured, confirmed, measured - confirmed, round(perSecond), acceptedLatency, Latency.of(endToEnd),
                Latency.of(paid), traffic.failures(), traffic.refused(), traffic.firstFailures(),
                round((cpuAfter.atMillis() - settleStart) / 1000.0), holds, cost, jvm);
    }

    Burst burst() throws Exception {
        traffic.reset();
        book.fillShelves(everydaySkus());
        String prefix = runId + "-burst-";
        int orders = settings.burst();
        int duplicates = (int) Math.round(orders * settings.duplicateShare());
        meter.measureIdle(IDLE_MILLIS);
        CostMeter.Reading before = meter.read();
        long start = System.currentTimeMillis();
        for (int i = 0; i < orders; i++) {
            traffic.send(kafkaOnly(i, arrival(prefix, i, everydaySkus(), new Random(i))));
        }
        for (int i = 0; i < duplicates; i++) {
            int again = (int) ((long) i * orders / Math.max(1, duplicates));
            traffic.send(kafkaOnly(again, arrival(prefix, again, everydaySkus(), new Random(again))));
        }
        traffic.awaitAnswers(orders + duplicates, Duration.ofSeconds(60));
        long decided = book.awaitDecided(prefix, orders, Duration.ofSeconds(600));
        log("burst: %d of %d orders decided", decided, orders);

        Histogram accepted = Latency.histogram();
        long confirmed = 0;
        long lastConfirmed = 0;
        for (OrderBook.Timing t : book.timings(prefix)) {
            if (t.confirmed()) {
                confirmed++;
                lastConfirmed = Math.max(lastConfirmed, t.confirmedMicros());
                Latency.record(accepted, t.confirmedMicros() - t.acceptedMicros());
            }
        }
        double seconds = (lastConfirmed / 1000.0 - start) / 1000.0;
        book.awaitSettled(prefix, Duration.ofSeconds(600));
        CostMeter.Reading cpuAfter = meter.read();
        Histogram paid = Latency.histogram();
        long lastPaid = 0;
        for (OrderBook.Timing t : book.timings(prefix)) {
            if (t.paid()) {
                lastPaid = Math.max(lastPaid, t.paidMicros());
                Latency.record(paid, t.paidMicros() - t.acceptedMicros());
            }
        }
        double secondsUntilAllPaid = (lastPaid / 1000.0 - start) / 1000.0;
        book.awaitOutboxDrained(Duration.ofSeconds(120));
        CostMeter.settleStatistics();
        CostMeter.PerOrder cost = meter.perOrder(orders, before, cpuAfter, meter.read());
        OrderBook.Count count = book.count(prefix);
        Map<String, OrderEvents.Tally> events = new OrderEvents(settings).tally(prefix);
        OrderEvents.Tally received = events.get("OrderReceived");
        boolean exactlyOnce = count.rows() == orders && count.distinctOrders() == orders
                && received != null && received.distinctOrders() == orders && received.distinctEvents() == orders;
        log("burst: %d orders confirmed %.1f s after injection (all paid after %.1f s), %d rows, %d distinct, exactly once: %s; "
                        + "per order %.1f ms CPU (hub %.1f, PostgreSQL %.1f; %.1f net of rest), %.1f commits, %.1f row writes",
                confirmed, seconds, secondsUntilAllPaid, count.rows(), count.distinctOrders(), exactlyOnce, cost.cpuMs(),
                cost.hubCpuMs(), cost.postgresCpuMs(), cost.netCpuMs(), cost.commits(), cost.rowWrites());
        return new Burst(orders, duplicates, count.rows(), count.distinctOrders(), confirmed, round(seconds),
                round(confirmed / seconds), Latency.of(accepted), Latency.of(paid), round(secondsUntilAllPaid), events,
                traffic.failures(), exactlyOnce, cost);
    }

    Contention contention(int rate) throws Exception {
        traffic.reset();
        String prefix = runId + "-hot-";
        String store = STORES.get(0);
        List<String> hot = SKUS.subList(SKUS.size() - settings.contentionSkus(), SKUS.size());
        book.stockExactly(store, hot, settings.contentionStock());
        int buyers = settings.contentionBuyers();
        long start = System.currentTimeMillis() + 200;
        new ArrivalSchedule(rate).run(start, buyers, (i, dueMillis) -> {
            String sku = hot.get((int) (i % hot.size()));
            traffic.send(new OrderTraffic.Arrival(prefix + i, OrderTraffic.entryFor(i, settings.restShare()), store,
                    List.of(new OrderTraffic.Line(sku, 1))));
        });
        traffic.awaitAnswers(buyers, Duration.ofSeconds(60));
        book.awaitDecided(prefix, buyers - traffic.failures(), Duration.ofSeconds(300));
        Histogram accepted = Latency.histogram();
        long confirmed = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        for (OrderBook.Timing t : book.timings(prefix)) {
            if (t.confirmed()) {
                confirmed++;
                first = Math.min(first, t.confirmedMicros());
                last = Math.max(last, t.confirmedMicros());
                Latency.record(accepted, t.confirmedMicros() - t.acceptedMicros());
            }
        }
        book.awaitSettled(prefix, Duration.ofSeconds(300));
        Map<String, Integer> taken = book.unitsTaken(prefix, store);
        Map<String, int[]> shelf = book.stock(store, hot);
        boolean oversold = taken.values().stream().anyMatch(units -> units > settings.contentionStock())
                || shelf.values().stream().anyMatch(s -> s[0] < 0 || s[1] > s[0]);
        double perSecond = confirmed < 2 ? 0 : (confirmed - 1) / ((last - first) / 1_000_000.0);
        log("contention: %d buyers for %d x %d units: %d confirmed, units taken %s, oversold: %s",
                buyers, hot.size(), settings.contentionStock(), confirmed, taken, oversold);
        return new Contention(buyers, rate, hot, settings.contentionStock(), confirmed, buyers - confirmed, taken, oversold,
                Latency.of(accepted), round(perSecond));
    }

    /** Arrival {@code i}: one to three lines of everyday articles, in a store and through a channel by turns. */
    private OrderTraffic.Arrival arrival(String prefix, long i, List<String> skus, Random random) {
        int lineCount = 1 + random.nextInt(3);
        List<OrderTraffic.Line> lines = new ArrayList<>();
        List<String> pool = new ArrayList<>(skus);
        for (int l = 0; l < lineCount; l++) {
            lines.add(new OrderTraffic.Line(pool.remove(random.nextInt(pool.size())), 1 + random.nextInt(3)));
        }
        return new OrderTraffic.Arrival(prefix + i, OrderTraffic.entryFor(i, settings.restShare()),
                STORES.get((int) (i % STORES.size())), lines);
    }

    /** The same order through its channel's topic; a re-sent order takes the same topic, so it is the same order. */
    private static OrderTraffic.Arrival kafkaOnly(int i, OrderTraffic.Arrival a) {
        return new OrderTraffic.Arrival(a.externalId(), "kafka:" + OrderTraffic.TOPICS.get(i % OrderTraffic.TOPICS.size()),
                a.storeId(), a.lines());
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double hundredths(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
