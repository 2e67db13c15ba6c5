package org.retailhub.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.support.HubDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger against a real PostgreSQL: no oversell under concurrency, idempotent settle, all-or-nothing orders, stock
 * movements published once with the change.
 */
class ReservationLedgerIT {

    private static final String MOVEMENTS = "stock.movements";

    private static HubDatabase db;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;
    private static ReservationLedger ledger;

    @BeforeAll
    static void startDatabase() {
        db = HubDatabase.start();
        jdbc = new JdbcTemplate(db.dataSource());
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        ledger = new ReservationLedger(jdbc, new StockMovements(jdbc, new Outbox(jdbc, new ObjectMapper().findAndRegisterModules()), MOVEMENTS));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void resetStock() {
        jdbc.update("delete from hub.reservation");
        jdbc.update("delete from hub.customer_order");
        jdbc.update("update hub.stock set on_hand = 200, reserved = 0");
    }

    @Test
    void twoHundredConcurrentBuyersForTheLastFiftyUnitsGetExactlyFifty() throws Exception {
        jdbc.update("update hub.stock set on_hand = 50 where store_id = 'STORE-001' and sku = 'SKU-0001'");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID order = newOrder();
            Callable<Boolean> buy = () -> {
                go.await();
                return tx.execute(s -> ledger.reserve(order, "STORE-001", List.of(new StockRequest(1, "SKU-0001", 1)), false).complete());
            };
            results.add(pool.submit(buy));
        }
        go.countDown();
        int confirmed = 0;
        for (Future<Boolean> r : results) {
            confirmed += r.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(confirmed).isEqualTo(50);
        assertThat(ledger.available("STORE-001", "SKU-0001")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from hub.reservation where sku = 'SKU-0001' and state = 'HELD'", Integer.class))
                .isEqualTo(50);
    }

    @Test
    void allOrNothingOrderHoldsNothingWhenOneLineIsShort() {
        jdbc.update("update hub.stock set on_hand = 1 where store_id = 'STORE-001' and sku = 'SKU-0003'");
        UUID order = newOrder();

        ReservationOutcome outcome = tx.execute(s -> ledger.reserve(order, "STORE-001",
                List.of(new StockRequest(1, "SKU-0002", 5), new StockRequest(2, "SKU-0003", 2)), false));

        assertThat(outcome.nothingReserved()).isTrue();
        assertThat(ledger.available("STORE-001", "SKU-0002")).isEqualTo(200);
        assertThat(ledger.available("STORE-001", "SKU-0003")).isEqualTo(1);
    }

    @Test
    void partialOrderHoldsTheLinesThatAreInStock() {
        jdbc.update("update hub.stock set on_hand = 1 where store_id = 'STORE-001' and sku = 'SKU-0003'");
        UUID order = newOrder();

        ReservationOutcome outcome = tx.execute(s -> ledger.reserve(order, "STORE-001",
                List.of(new StockRequest(1, "SKU-0002", 5), new StockRequest(2, "SKU-0003", 2)), true));

        assertThat(outcome.reserved()).extracting(StockRequest::sku).containsExactly("SKU-0002");
        assertThat(outcome.unavailable()).extracting(StockRequest::sku).containsExactly("SKU-0003");
        assertThat(ledger.available("STORE-001", "SKU-0002")).isEqualTo(195);
    }

    @Test
    void releaseAndCommitAreIdempotent() {
        UUID paid = newOrder();
        UUID cancelled = newOrder();
        tx.executeWithoutResult(s -> {
            ledger.reserve(paid, "STORE-002", List.of(new StockRequest(1, "SKU-0010", 4)), false);
            ledger.reserve(cancelled, "STORE-002", List.of(new StockRequest(1, "SKU-0010", 6)), false);
        });
        assertThat(ledger.available("STORE-002", "SKU-0010")).isEqualTo(190);

        assertThat(settle(() -> ledger.commit(paid))).isEqualTo(4);
        assertThat(settle(() -> ledger.commit(paid))).isZero();
        assertThat(settle(() -> ledger.release(cancelled))).isEqualTo(6);
        assertThat(settle(() -> ledger.release(cancelled))).isZero();

        assertThat(jdbc.queryForObject("select on_hand from hub.stock where store_id = 'STORE-002' and sku = 'SKU-0010'", Integer.class))
                .isEqualTo(196);
        assertThat(ledger.available("STORE-002", "SKU-0010")).isEqualTo(196);
    }

    @Test
    void committedAndReturnedLinesArePublishedOnceAsStockMovementsWithTheirChange() {
        UUID order = newOrder();
        tx.executeWithoutResult(s -> ledger.reserve(order, "STORE-002",
                List.of(new StockRequest(1, "SKU-0011", 2), new StockRequest(2, "SKU-0012", 1)), false));
        tx.executeWithoutResult(s -> {
            ledger.commit(order);
            s.setRollbackOnly(); // the step failed after committing: nothing of it happened, nothing is published
        });
        assertThat(movementsOf(order)).isEmpty();

        settle(() -> ledger.commit(order));
        settle(() -> ledger.commit(order)); // the step again
        settle(() -> ledger.returnCommitted(order));
        settle(() -> ledger.returnCommitted(order));

        assertThat(movementsOf(order)).as("reference, store, article, change of the stock, kind")
                .containsExactly(order + "/1/issue STORE-002 SKU-0011 -2 ORDER_ISSUE", order + "/2/issue STORE-002 SKU-0012 -1 ORDER_ISSUE",
                        order + "/1/return STORE-002 SKU-0011 2 ORDER_RETURN", order + "/2/return STORE-002 SKU-0012 1 ORDER_RETURN");
        assertThat(jdbc.queryForObject("select count(*) from hub.outbox where topic = ? and event_key = 'STORE-002/SKU-0011'", Integer.class, MOVEMENTS))
                .as("keyed by store and article: one article's movements stay in order").isGreaterThanOrEqualTo(2);
    }

    @Test
    void reservingTwiceForTheSameOrderHoldsStockOnce() {
        UUID order = newOrder();
        List<StockRequest> lines = List.of(new StockRequest(1, "SKU-0020", 3));
        tx.execute(s -> ledger.reserve(order, "WEB-DC", lines, false));
        tx.execute(s -> ledger.reserve(order, "WEB-DC", lines, false));

        assertThat(ledger.available("WEB-DC", "SKU-0020")).isEqualTo(197);
    }

    @Test
    void databaseRefusesReservationsBeyondOnHandEvenWithoutTheLedger() {
        assertThatThrownBy(() -> jdbc.update("update hub.stock set reserved = on_hand + 1 where store_id = 'WEB-DC' and sku = 'SKU-0001'"))
                .hasMessageContaining("stock_reserved_within_on_hand");
    }

    private static int settle(java.util.function.IntSupplier action) {
        Integer units = tx.execute(s -> action.getAsInt());
        return units == null ? -1 : units;
    }

    private static List<String> movementsOf(UUID order) {
        return db.queued(MOVEMENTS).stream().filter(m -> m.get("reference").asText().startsWith(order + "/"))
                .map(m -> String.join(" ", m.get("reference").asText(), m.get("storeId").asText(), m.get("sku").asText(),
                        m.get("quantity").asText(), m.get("kind").asText()))
                .toList();
    }

    private static UUID newOrder() {
        return db.newOrder();
    }
}
