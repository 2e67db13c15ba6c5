package org.retailhub.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
}
