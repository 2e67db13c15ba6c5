package org.retailhub.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.domain.order.Channel;
import org.retailhub.domain.order.OrderAcceptance;
import org.retailhub.domain.order.OrderLineRequest;
import org.retailhub.domain.order.OrderRequest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default keeps its data in a folder: an order accepted before a stop is still there after the
 * restart, finishes its process, and is not duplicated when the channel sends it again.
 */
class RestartIT {

    @TempDir
    Path folder;

    @Test
    void orderAcceptedBeforeAStopIsPaidAfterTheRestartAndNotDuplicated() throws Exception {
        Path data = Files.createDirectories(folder.resolve("postgres"));
        OrderRequest order = new OrderRequest(Channel.WEB, "IT-RESTART-1", "STORE-001", null, false,
                java.util.List.of(new OrderLineRequest("SKU-0033", 2)));
        UUID id;
        try (ConfigurableApplicationContext first = start(data, false)) {
            id = first.getBean(OrderAcceptance.class).accept(order).orderId();
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(jdbc, id).equals("AWAITING_PAYMENT"));
        }

        try (ConfigurableApplicationContext second = start(data, true)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(second.getBean(OrderAcceptance.class).accept(order).orderId()).isEqualTo(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(jdbc, id).equals("PAID"));
            assertThat(jdbc.queryForObject("select count(*) from hub.customer_order", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select on_hand from hub.stock where store_id = 'STORE-001' and sku = 'SKU-0033'", Integer.class))
                    .isEqualTo(198);
        }
    }

    private static ConfigurableApplicationContext start(Path data, boolean payments) {
        return new SpringApplicationBuilder(RetailHubApplication.class)
                .properties(Map.of(
                        "server.port", "0",
                        "hub.embedded.data-dir", data.toString(),
                        "hub.embedded.postgres-port", "0",
                        "hub.payment.stand-in.enabled", Boolean.toString(payments),
                        "hub.payment.stand-in.delay", "PT0.1S"))
                .run();
    }

    private static String status(JdbcTemplate jdbc, UUID id) {
        return jdbc.queryForObject("select status from hub.customer_order where id = ?", String.class, id);
    }
}
