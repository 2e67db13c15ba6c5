package org.retailhub.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
}
