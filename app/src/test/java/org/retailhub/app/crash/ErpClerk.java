package org.retailhub.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clerk typing prices into the ERP (condition table {@code a004}) one commit at a time, outside the hub, while the
 * hub captures the ERP's changes. A write the ERP's database refused (it went down) is typed again until it commits.
 */
final class ErpClerk {

    private final JdbcTemplate erp;
    private final AtomicInteger committed = new AtomicInteger();
    private Thread typing;

    ErpClerk(JdbcTemplate erp) {
        this.erp = erp;
    }

    /** Starts typing {@code changes} prices, the n-th one {@code 10 + (round*1000 + n)/100} EUR for article n modulo 50. */
    void type(int round, int changes) {
        typing = new Thread(() -> {
            for (int i = 1; i <= changes; i++) {
                BigDecimal price = new BigDecimal(round * 1000 + i).movePointLeft(2).add(BigDecimal.TEN);
                String article = String.format("%018d", 100000 + 1 + i % 50);
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(DataAccessException.class)
                        .until(() -> erp.update("update a004 set kbetr = ? * kpein, aenam = 'CLERK7' where matnr = ?", price, article) == 1);
                committed.incrementAndGet();
            }
        }, "erp-clerk-" + round);
        typing.setDaemon(true);
        typing.start();
    }

    int committed() {
        return committed.get();
    }

    void awaitDone() {
        await().atMost(Duration.ofMinutes(5)).until(() -> !typing.isAlive());
    }

    /** The ERP's prices reach the hub and the POS: no captured change lost. */
    static void awaitPricesConverge(JdbcTemplate hub, JdbcTemplate erp, JdbcTemplate pos) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, BigDecimal> inErp = prices(erp, "select matnr, kbetr / kpein from a004");
            assertThat(prices(hub, "select x.native_key, a.list_price from hub.article a "
                    + "join hub.key_xref x on x.kind = 'ARTICLE' and x.island = 'ERP' and x.hub_key = a.sku")).isEqualTo(inErp);
            assertThat(prices(pos, "select lpad((100000 + plu - 4000)::text, 18, '0'), price_cents / 100.0 from plu_item "
                    + "where status = 'A' and plu <= 4050")).isEqualTo(inErp);
        });
        assertThat(hub.queryForObject("select count(*) from hub.cdc_dead_letter where island = 'ERP'", Integer.class)).isZero();
    }

    private static Map<String, BigDecimal> prices(JdbcTemplate jdbc, String sql) {
        Map<String, BigDecimal> prices = new TreeMap<>();
        jdbc.query(sql, rs -> {
            prices.put(rs.getString(1), rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP));
        });
        return prices;
    }

    /**
     * How a running hub applied the ERP's captured changes, by outcome (its meter {@code hub.cdc.changes}, counted since
     * it started): after the kill, REPLAYED are changes applied before it whose offset had not been stored yet.
     */
    static Map<String, Long> outcomesAt(HubProcess hub) {
        Map<String, Long> outcomes = new TreeMap<>();
        for (String outcome : List.of("APPLIED", "REPLAYED", "SUPERSEDED", "ECHO")) {
            outcomes.put(outcome, (long) hub.meter("hub.cdc.changes", "island:ERP", "outcome:" + outcome));
        }
        return outcomes;
    }
}
