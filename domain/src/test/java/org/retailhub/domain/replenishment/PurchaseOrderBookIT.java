package org.retailhub.domain.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.inventory.StockMovement;
import org.retailhub.domain.inventory.StockMovementKind;
import org.retailhub.domain.inventory.StockMovements;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.support.HubDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The purchase order book against a real PostgreSQL, where its promise matters: the ERP's report on an order and the
 * process step that settles the order do not interleave. The step runs in the engine's transaction, which also puts
 * the instance back to waiting; the receipt's wake-up comes after the receipt's commit. If a receipt could commit
 * between the step's read and the step's commit, its wake-up would find nobody waiting and the order would wait for
 * a report that already came (seen in CI: an order received in full stayed "partly received").
 */
class PurchaseOrderBookIT {

    private static final String RUN = "RUN-STORE-001-20261201-1";
    private static final String MOVEMENTS = "stock.movements";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static HubDatabase db;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;
    private static PurchaseOrderBook book;

    @BeforeAll
    static void startDatabase() {
        db = HubDatabase.start();
        jdbc = new JdbcTemplate(db.dataSource());
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        book = new PurchaseOrderBook(jdbc, tx, new StockMovements(jdbc, new Outbox(jdbc, JSON), MOVEMENTS));
        jdbc.update("insert into hub.replenishment_run (run_id, store_id, day, articles) values (?, 'STORE-001', date '2026-12-01', 1)", RUN);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @Test
    void aStepThatSettlesWhileAReceiptIsBeingBookedSeesTheReceipt() throws Exception {
        String po = partlyReceivedOrder("4500000001", 1);
        Held<Optional<String>> receipt = holdOpen(() -> book.receive(new GoodsReceipt("5000000001", 1, "4500000001", 10, 11)));

        CompletableFuture<PurchaseOrderStatus> step = CompletableFuture.supplyAsync(() -> tx.execute(status -> book.settle(po)));
        assertThatThrownBy(() -> step.get(2, TimeUnit.SECONDS)).as("the step waits for the receipt's transaction")
                .isInstanceOf(TimeoutException.class);
        receipt.commit();

        assertThat(step.get(1, TimeUnit.MINUTES)).as("what the step saw").isEqualTo(PurchaseOrderStatus.RECEIVED);
    }

    @Test
    void aReceiptArrivingWhileTheStepSettlesWaitsForTheStepAndIsSeenByTheNextOne() throws Exception {
        String po = partlyReceivedOrder("4500000002", 2);
        Held<PurchaseOrderStatus> step = holdOpen(() -> book.settle(po));

        CompletableFuture<Optional<String>> receipt = CompletableFuture.supplyAsync(
                () -> book.receive(new GoodsReceipt("5000000002", 1, "4500000002", 10, 11)));
        assertThatThrownBy(() -> receipt.get(2, TimeUnit.SECONDS)).as("the receipt waits while the step settles")
                .isInstanceOf(TimeoutException.class);
        assertThat(step.commit()).as("what the step saw").isEqualTo(PurchaseOrderStatus.PARTLY_RECEIVED);

        assertThat(receipt.get(1, TimeUnit.MINUTES)).as("the receipt, booked after the step").contains(po);
        assertThat(book.settle(po)).as("what the next step sees").isEqualTo(PurchaseOrderStatus.RECEIVED);
    }

    @Test
    void aGoodsReceiptIsPublishedOnceAsAStockMovementComingInAndNotPostedBackToTheErp() throws Exception {
        String po = partlyReceivedOrder("4500000003", 3);
        GoodsReceipt receipt = new GoodsReceipt("5000000003", 2, "4500000003", 10, 7);

        assertThat(book.receive(receipt)).contains(po);
        assertThat(book.receive(receipt)).as("the ERP's capture delivers it again").contains(po);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            book.receive(new GoodsReceipt("5000000004", 1, "4500000003", 10, 2));
            throw new IllegalStateException("the capture's transaction fails after booking");
        })).isInstanceOf(IllegalStateException.class);

        List<String> published = jdbc.queryForList("select payload::text from hub.outbox where topic = ? and event_key = 'STORE-001/SKU-0005' "
                + "and (payload ->> 'reference' like 'receipt/5000000003/%' or payload ->> 'reference' like 'receipt/5000000004/%')", String.class, MOVEMENTS);
        assertThat(published).as("one movement, the rolled-back receipt none").hasSize(1);
        StockMovement movement = JSON.readValue(published.get(0), StockMovement.class);
        assertThat(movement).usingRecursiveComparison().ignoringFields("occurredAt").isEqualTo(
                new StockMovement("receipt/5000000003/2", "STORE-001", "SKU-0005", 7, StockMovementKind.GOODS_RECEIPT, null));
        assertThat(movement.occurredAt()).isEqualTo(jdbc.queryForObject(
                "select received_at from hub.goods_receipt where erp_document = '5000000003'", java.sql.Timestamp.class).toInstant());
        assertThat(book.get(po).lines().get(0).received()).isEqualTo(8);
        assertThat(jdbc.queryForObject("select count(*) from hub.stock_posting where posting_ref like 'receipt/%'", Integer.class))
                .as("the ERP booked the receipt itself: nothing queued to post to it").isZero();
    }

    /** An order the ERP accepted, of which 1 of 12 units has arrived. */
    private static String partlyReceivedOrder(String erpNumber, int n) {
        String po = "PO-STORE-001-20261201-" + n + "-105";
        jdbc.update("""
                insert into hub.purchase_order (po_id, run_id, store_id, supplier, status, erp_number, due_date)
                values (?, ?, 'STORE-001', '0000000105', 'PARTLY_RECEIVED', ?, date '2026-12-02')""", po, RUN, erpNumber);
        jdbc.update("""
                insert into hub.purchase_order_line (po_id, line_no, sku, quantity, received, unit_cost, currency)
                values (?, 10, 'SKU-0005', 12, 1, 2.40, 'EUR')""", po);
        return po;
    }

    /** Work done in a transaction that stays open (as the engine's or the capture's) until {@link Held#commit()}. */
    private record Held<T>(CompletableFuture<T> result, CountDownLatch mayCommit) {

        T commit() throws Exception {
            mayCommit.countDown();
            return result.get(1, TimeUnit.MINUTES);
        }
    }

    private static <T> Held<T> holdOpen(Supplier<T> work) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            T value = work.get();
            done.countDown();
            try {
                assertThat(mayCommit.await(1, TimeUnit.MINUTES)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        }));
        assertThat(done.await(1, TimeUnit.MINUTES)).as("the held work ran").isTrue();
        return new Held<>(result, mayCommit);
    }
}
