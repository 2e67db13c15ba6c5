package org.retailhub.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OrderTrafficTest {

    @Test
    void theRestShareOfArrivalsGoesOverHttpAndTheRestThroughEveryChannelTopic() {
        var entries = LongStream.range(0, 1000).mapToObj(i -> OrderTraffic.entryFor(i, 0.3)).toList();

        assertThat(entries.stream().filter(e -> e.startsWith("rest:")).count()).isEqualTo(300);
        assertThat(entries).contains("rest:WEB", "rest:APP", "kafka:orders.web", "kafka:orders.app", "kafka:orders.marketplace");
    }

    @Test
    void allOverKafkaWhenTheRestShareIsZero() {
        assertThat(LongStream.range(0, 100).mapToObj(i -> OrderTraffic.entryFor(i, 0))).allMatch(e -> e.startsWith("kafka:"));
    }

    @Test
    void restOrdersGoToEachHubInstanceInTurn() throws InterruptedException {
        try (OrderTraffic traffic = new OrderTraffic(BenchSettings.parse("--hub=http://localhost:18080, http://localhost:18090"))) {
            assertThat(LongStream.range(0, 4).mapToObj(traffic::ordersUriFor).map(URI::toString)).containsExactly(
                    "http://localhost:18080/api/orders", "http://localhost:18090/api/orders",
                    "http://localhost:18080/api/orders", "http://localhost:18090/api/orders");
        }
    }

    @Test
    void aRestOrderRefusedByBackPressureIsCountedAndSentAgainAfterRetryAfterUntilAccepted() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer hub = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        hub.createContext("/api/orders", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (bodies.size() <= 2) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.sendResponseHeaders(202, -1);
            }
            exchange.close();
        });
        hub.start();
        try (OrderTraffic traffic = new OrderTraffic(BenchSettings.parse("--hub=http://localhost:" + hub.getAddress().getPort()))) {
            long sent = System.currentTimeMillis();
            traffic.send(new OrderTraffic.Arrival("BP-1", "rest:WEB", "WEB-DC", List.of(new OrderTraffic.Line("SKU-0001", 1))));
            traffic.awaitAnswers(1, Duration.ofSeconds(20));

            assertThat(traffic.acknowledgedAt("BP-1")).as("accepted on the third attempt, after two waits of a second")
                    .isNotNull().isGreaterThanOrEqualTo(sent + 2000);
            assertThat(traffic.refused()).isEqualTo(2);
            assertThat(traffic.failures()).isZero();
            assertThat(bodies).hasSize(3).allMatch(body -> body.equals(bodies.get(0)) && body.contains("\"externalId\":\"BP-1\""));
        } finally {
            hub.stop(0);
        }
    }
}
