package org.retailhub.domain.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.pricing.StockCover;
import org.retailhub.domain.replenishment.forecast.ForecastSettings;
import org.retailhub.domain.support.HubDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stock cover as the promotion table reads it, against a real PostgreSQL: the store's stock over the forecast daily
 * demand, from one read of the order's articles, with the values analysts' markdown rules rely on for no demand and
 * for unknown demand.
 */
class ForecastStockCoverIT {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static HubDatabase db;
    private static JdbcTemplate jdbc;
    private static StockCover cover;

    @BeforeAll
    static void startDatabase() {
        db = HubDatabase.start();
        jdbc = new JdbcTemplate(db.dataSource());
        cover = coverRemembering(Duration.ZERO);
        jdbc.update("delete from hub.sales_history where store_id = 'STORE-001' and sku in ('SKU-0010', 'SKU-0011', 'SKU-0012', 'SKU-0013')");
        history("SKU-0010", 4);
        history("SKU-0011", 0);
        history("SKU-0013", 3);
        stock("SKU-0010", 202);
        stock("SKU-0011", 40);
        stock("SKU-0012", 90);
        stock("SKU-0013", 0);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @Test
    void stockOverForecastDemandInWholeDaysWithClearValuesForNoAndUnknownDemand() {
        Map<String, Integer> days = cover.daysOfCover("STORE-001", List.of("SKU-0010", "SKU-0011", "SKU-0012", "SKU-0013"));

        assertThat(days).as("202 on hand at 4 a day").containsEntry("SKU-0010", 50)
                .as("stock and nothing sold for 60 days").containsEntry("SKU-0011", StockCover.NO_DEMAND)
                .as("nothing on hand").containsEntry("SKU-0013", 0)
                .as("no sales history: demand unknown, so no markdown rule applies").doesNotContainKey("SKU-0012")
                .hasSize(3);
    }

    @Test
    void anOrderWithoutArticlesReadsNothing() {
        assertThat(cover.daysOfCover("STORE-001", List.of())).isEmpty();
    }

    private static void history(String sku, int perDay) {
        jdbc.update("""
                insert into hub.sales_history (store_id, sku, day, quantity)
                select 'STORE-001', ?, d::date, ? from generate_series((now() at time zone ?)::date - 60, (now() at time zone ?)::date - 1,
                                                                      interval '1 day') d""", sku, perDay, ZONE.getId(), ZONE.getId());
    }

    private static void stock(String sku, int onHand) {
        jdbc.update("update hub.stock set on_hand = ?, reserved = 0 where store_id = 'STORE-001' and sku = ?", onHand, sku);
    }

    @Test
    void theForecastDemandIsRememberedWhileStockIsReadForEveryOrder() {
        StockCover remembering = coverRemembering(Duration.ofHours(1));
        assertThat(remembering.daysOfCover("STORE-001", List.of("SKU-0010"))).containsEntry("SKU-0010", 50);
        try {
            jdbc.update("delete from hub.sales_history where store_id = 'STORE-001' and sku = 'SKU-0010'");
            history("SKU-0010", 8); // demand doubles: seen by a fresh forecast, not by the remembered one
            stock("SKU-0010", 101);

            assertThat(remembering.daysOfCover("STORE-001", List.of("SKU-0010"))).as("stock fresh, demand remembered")
                    .containsEntry("SKU-0010", 25);
            assertThat(coverRemembering(Duration.ZERO).daysOfCover("STORE-001", List.of("SKU-0010"))).as("forecast again")
                    .containsEntry("SKU-0010", 12);
        } finally {
            jdbc.update("delete from hub.sales_history where store_id = 'STORE-001' and sku = 'SKU-0010'");
            history("SKU-0010", 4);
            stock("SKU-0010", 202);
        }
    }

    private static StockCover coverRemembering(Duration remembered) {
        return new ForecastStockCover(new ForecastLookup(new SalesHistory(jdbc, ZONE), Clock.system(ZONE), ZONE, 365), jdbc,
                ForecastSettings.DEFAULT, remembered);
    }
}
