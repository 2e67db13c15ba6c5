package org.retailhub.app.consistency;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CDC lag benchmark, not part of the build (run {@code ops/bench/cdc/run.sh}): ERP price changes at a steady rate
 * ({@code -Dcdc.rate=200} per second for {@code -Dcdc.seconds=30}), lag from commit in the ERP to applied in the hub
 * read from the {@code hub.cdc.lag} timer; prints one JSON line and writes it to {@code ops/bench/results/}.
 */
class CdcLagBenchmark {

    @Test
    void measureLagAtASteadyRate() throws Exception {
        int rate = Integer.getInteger("cdc.rate", 200);
        int seconds = Integer.getInteger("cdc.seconds", 30);
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(RetailHubApplication.class).run("--server.port=0",
                "--hub.embedded.data-dir=", "--hub.embedded.postgres-port=0", "--hub.payment.psp.simulator-port=0", "--hub.crm.simulator-port=0",
                "--hub.erp.simulator-port=0", "--hub.islands.simulator-pause=0s")) {
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            JdbcTemplate erp = hub.getBean(IslandDatabases.class).erp();
            await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject(
                    "select count(*) from hub.golden_source where kind = 'PRICE'", Integer.class) == 50);

            // the machine is shared: the load average says what else ran beside the benchmark
            double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            AtomicInteger written = new AtomicInteger();
            int perTick = Math.max(1, rate / 20);
            ScheduledExecutorService clerk = Executors.newSingleThreadScheduledExecutor();
            Instant started = Instant.now();
            clerk.scheduleAtFixedRate(() -> {
                for (int i = 0; i < perTick; i++) {
                    int n = written.incrementAndGet();
                    erp.update("update a004 set kbetr = (10 + ? / 100.0) * kpein, aenam = 'BENCH' where matnr = ?",
                            n % 10_000, String.format("%018d", 100001 + n % 50));
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            Thread.sleep(seconds * 1000L); // the load runs for a fixed time, that is what is measured
            clerk.shutdown();
            clerk.awaitTermination(10, TimeUnit.SECONDS);
            double achieved = written.get() / (Duration.between(started, Instant.now()).toMillis() / 1000.0);

            Timer lag = hub.getBean(MeterRegistry.class).find("hub.cdc.lag").tag("island", "ERP").timer();
            await().atMost(Duration.ofMinutes(2)).until(() -> lag != null && lag.count() >= written.get());
            double p50 = 0;
            double p99 = 0;
            for (ValueAtPercentile p : lag.takeSnapshot().percentileValues()) {
                if (p.percentile() == 0.5) {
                    p50 = p.value(TimeUnit.MILLISECONDS);
                } else if (p.percentile() == 0.99) {
                    p99 = p.value(TimeUnit.MILLISECONDS);
                }
            }
            String result = String.format(Locale.ROOT,
                    "{\"benchmark\":\"cdc-lag\",\"island\":\"ERP\",\"targetRate\":%d,\"achievedRate\":%.1f,\"changes\":%d,\"lagP50Ms\":%.1f,"
                            + "\"lagP99Ms\":%.1f,\"lagMaxMs\":%.1f,\"cores\":%d,\"loadAverageStart\":%.1f,\"loadAverageEnd\":%.1f}",
                    rate, achieved, written.get(), p50, p99, lag.max(TimeUnit.MILLISECONDS), Runtime.getRuntime().availableProcessors(),
                    loadBefore, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("CDC-LAG " + result);
            Path results = Path.of(System.getProperty("cdc.results", "../ops/bench/results"));
            Files.createDirectories(results);
            Files.writeString(results.resolve("cdc-lag-" + Instant.now().toString().replace(":", "") + ".json"), result + "\n");
        }
    }
}
