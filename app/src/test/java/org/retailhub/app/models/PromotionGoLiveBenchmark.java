package org.retailhub.app.models;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

/**
 * Time to live of a new promotion, not part of the build (run {@code ops/bench/models/run.sh}): an analyst uploads a
 * promotion table with a new promotion code ({@code -Dgolive.rounds=5} times) and a web order is placed right after;
 * measured from the start of the upload to the moment the order reads back priced with the new promotion. Prints one
 * JSON line and writes it to {@code ops/bench/results/}.
 */
class PromotionGoLiveBenchmark {

    @Test
    void measureUploadToNextOrderPriced() throws Exception {
        int rounds = Integer.getInteger("golive.rounds", 5);
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(RetailHubApplication.class).run("--server.port=0",
                "--hub.development=true", "--hub.embedded.data-dir=", "--hub.embedded.postgres-port=0", "--hub.payment.psp.simulator-port=0",
                "--hub.crm.simulator-port=0", "--hub.erp.simulator-port=0", "--hub.islands.simulator-pause=0s", "--hub.cdc.enabled=false")) {
            int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
            AnalystDesk analyst = new AnalystDesk(port, "analyst");
            AnalystDesk channel = new AnalystDesk(port, "integration");
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            List<Long> millis = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                String code = "MULTIBUY-3-R" + round;
                long started = System.nanoTime();
                ResponseEntity<String> deployed = analyst.upload(Map.of(
                        "order-pricing.dmn", AnalystDesk.pricingTable("\"MULTIBUY-3\"", "\"" + code + "\""),
                        "round.yaml", AnalystDesk.multiBuyScenario(code, 15)), "round-" + round);
                if (deployed.getStatusCode().value() != 201) {
                    throw new IllegalStateException("upload refused: " + deployed.getBody());
                }
                String id = channel.tree(channel.post("/api/orders", """
                        {"channel":"WEB","externalId":"GOLIVE-%s","storeId":"STORE-001","loyaltyTier":"NONE",
                         "lines":[{"sku":"SKU-0002","quantity":3}]}""".formatted(UUID.randomUUID()))).get("id").asText();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> channel.tree(channel.get("/api/orders/" + id)),
                        (JsonNode o) -> o.path("promotions").findValuesAsText("code").contains(code));
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            String result = String.format(Locale.ROOT,
                    "{\"benchmark\":\"promotion-go-live\",\"rounds\":%d,\"uploadToPricedMs\":%s,\"medianMs\":%d,\"maxMs\":%d,\"cores\":%d,"
                            + "\"loadAverageStart\":%.1f,\"loadAverageEnd\":%.1f}",
                    rounds, millis, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), Runtime.getRuntime().availableProcessors(),
                    loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("PROMOTION-GO-LIVE " + result);
            Path results = Path.of(System.getProperty("golive.results", "../ops/bench/results"));
            Files.createDirectories(results);
            Files.writeString(results.resolve("promotion-go-live-" + Instant.now().toString().replace(":", "") + ".json"), result + "\n");
        }
    }
}
