package org.retailhub.domain.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.support.HubDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/** The repurchase rate counted on a real PostgreSQL from the sales history the hub holds. */
class RepurchasesIT {

    private static final LocalDate NEWEST = LocalDate.of(2025, 12, 30);
    private static HubDatabase database;
    private static JdbcTemplate jdbc;
    private final AtomicLong keys = new AtomicLong();

    @BeforeAll
    static void start() {
        database = HubDatabase.start();
        jdbc = new JdbcTemplate(database.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("delete from hub.migrated_sale");
    }

    @Test
    void noPurchaseWithACardNoRate() {
        sale("STORE-001", 1, NEWEST, null);
        assertThat(new Repurchases(jdbc).rate()).isEmpty();
    }

    @Test
    void theShareOfTheWindowsCustomersWithASecondReceiptInIt() {
        // A: two receipts in the window, one with two lines (one purchase, not two)
        sale("STORE-001", 10, NEWEST, "6000000000000001");
        sale("STORE-001", 10, NEWEST, "6000000000000001");
        sale("STORE-002", 11, NEWEST.minusDays(80), "6000000000000001");
        // B: one receipt of three lines
        sale("STORE-001", 12, NEWEST.minusDays(5), "6000000000000002");
        sale("STORE-001", 12, NEWEST.minusDays(5), "6000000000000002");
        sale("STORE-001", 12, NEWEST.minusDays(5), "6000000000000002");
        // C: one receipt in the window, the other one day before it
        sale("STORE-001", 13, NEWEST.minusDays(89), "6000000000000003");
        sale("STORE-001", 14, NEWEST.minusDays(Repurchases.WINDOW_DAYS), "6000000000000003");
        // D: came back, but both visits long before the window
        sale("STORE-001", 15, NEWEST.minusDays(200), "6000000000000004");
        sale("STORE-001", 16, NEWEST.minusDays(300), "6000000000000004");
        // no card: anonymous, not a customer the hub can follow
        sale("STORE-001", 17, NEWEST, null);
        sale("STORE-001", 18, NEWEST, null);

        Repurchases.Rate rate = new Repurchases(jdbc).rate().orElseThrow();

        assertThat(rate.windowEnd()).isEqualTo(NEWEST);
        assertThat(rate.customers()).isEqualTo(3);
        assertThat(rate.returning()).isEqualTo(1);
        assertThat(rate.share()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    private void sale(String store, int receipt, LocalDate day, String card) {
        long key = keys.incrementAndGet();
        jdbc.update("""
                insert into hub.migrated_sale (source_key, store_id, receipt_no, line_no, sold_on, sku, quantity, amount, loyalty_card, run_id)
                values (?, ?, ?, ?, ?, 'SKU-0001', 1, 9.99, ?, 'test-run')""", key, store, receipt, (int) key, day, card);
    }
}
