package org.retailhub.app.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.domain.consistency.ChangePropagation;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.IslandChange;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub stops while the ERP keeps changing prices; after the restart the engine resumes from its stored offset:
 * every committed change reaches the hub and the POS, none twice (a replayed change changes nothing).
 */
class CdcRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int CHANGES = 600;

    @TempDir
    Path folder;

    @Test
    void noChangeIsLostAcrossARestartAndReplaysChangeNothing() throws Exception {
        Path data = Files.createDirectories(folder.resolve("postgres"));
        AtomicInteger written = new AtomicInteger();
        try (ConfigurableApplicationContext first = start(data)) {
            JdbcTemplate hub = first.getBean(JdbcTemplate.class);
            JdbcTemplate erp = first.getBean(IslandDatabases.class).erp();
            await().atMost(PATIENCE).until(() -> hub.queryForObject("select count(*) from hub.golden_source where kind = 'PRICE'", Integer.class) == 50);

            Thread clerk = new Thread(() -> {
                try {
                    for (int i = 1; i <= CHANGES; i++) {
                        erp.update("update a004 set kbetr = ? * kpein, aenam = 'CLERK7' where matnr = ?",
                                new BigDecimal(i).movePointLeft(2).add(BigDecimal.TEN), String.format("%018d", 100000 + 1 + i % 50));
                        written.incrementAndGet();
                    }
                } catch (RuntimeException stoppedWithTheHub) {
                    // the ERP's database went down with the embedded server: the clerk stops typing
                }
            }, "erp-clerk");
            clerk.start();
            // stop in the middle: half of the clerk's changes committed, the hub still applying them
            await().atMost(PATIENCE).until(() -> written.get() >= CHANGES / 2);
            first.close();
            clerk.join(10_000);
        }
        assertThat(written.get()).isGreaterThanOrEqualTo(CHANGES / 2);

        try (ConfigurableApplicationContext second = start(data)) {
            JdbcTemplate hub = second.getBean(JdbcTemplate.class);
            IslandDatabases islands = second.getBean(IslandDatabases.class);
            await().atMost(PATIENCE).untilAsserted(() -> {
                Map<String, BigDecimal> erp = prices(islands.erp(), "select matnr, kbetr / kpein from a004");
                Map<String, BigDecimal> inHub = prices(hub, "select x.native_key, a.list_price from hub.article a "
                        + "join hub.key_xref x on x.kind = 'ARTICLE' and x.island = 'ERP' and x.hub_key = a.sku");
                assertThat(inHub).isEqualTo(erp);
                assertThat(prices(islands.pos(), "select lpad((100000 + plu - 4000)::text, 18, '0'), price_cents / 100.0 from plu_item where status = 'A' and plu <= 4050"))
                        .isEqualTo(erp);
            });
            assertThat(hub.queryForObject("select count(*) from hub.cdc_dead_letter where island = 'ERP'", Integer.class)).isZero();

            // a change delivered again (as after a crash before the offset was stored) is absorbed
            BigDecimal before = hub.queryForObject("select list_price from hub.article where sku = 'SKU-0002'", BigDecimal.class);
            IslandChange replay = new IslandChange(Island.ERP, "a004", 'u', Map.of("matnr", "000000000000100002", "kbetr", "1.00", "kpein", 1,
                    "konwa", "EUR", "aenam", "CLERK7"), 1L, Instant.now(), "{}");
            assertThat(second.getBean(ChangePropagation.class).apply(replay)).isEqualTo(ChangePropagation.Outcome.REPLAYED);
            assertThat(hub.queryForObject("select list_price from hub.article where sku = 'SKU-0002'", BigDecimal.class)).isEqualByComparingTo(before);
        }
    }

    private static Map<String, BigDecimal> prices(JdbcTemplate jdbc, String sql) {
        Map<String, BigDecimal> prices = new java.util.TreeMap<>();
        jdbc.query(sql, rs -> {
            prices.put(rs.getString(1), rs.getBigDecimal(2).setScale(2, java.math.RoundingMode.HALF_UP));
        });
        return prices;
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(RetailHubApplication.class).run(
                "--server.port=0",
                "--hub.embedded.data-dir=" + data,
                "--hub.embedded.postgres-port=0",
                "--hub.payment.psp.simulator-port=0",
                "--hub.crm.simulator-port=0",
                "--hub.erp.simulator-port=0",
                "--hub.islands.simulator-pause=0s");
    }
}
