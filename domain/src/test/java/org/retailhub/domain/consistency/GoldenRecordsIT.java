package org.retailhub.domain.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.retailhub.domain.consistency.CanonicalRecord.Stock;
import org.retailhub.domain.inventory.ReservationLedger;
import org.retailhub.domain.inventory.StockMovements;
import org.retailhub.domain.inventory.StockRequest;
import org.retailhub.domain.inventory.StockShortfalls;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.support.HubDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The golden records against a real PostgreSQL: a till sale's goods issue is queued and published in the sale's own transaction and
 * a sale of reserved stock is a shortfall, not an error; customers are sealed at rest, resealed on key rotation, erasable.
 */
class GoldenRecordsIT {

    private static final String KEY = "dev-only-personal-data-key-never-in-prod-00";
    private static final String NEXT_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private static HubDatabase db;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;
    private static StockMovements movements;
    private static GoldenRecords golden;

    @BeforeAll
    static void startDatabase() {
        db = HubDatabase.start();
        jdbc = new JdbcTemplate(db.dataSource());
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        movements = new StockMovements(jdbc, new Outbox(jdbc, new ObjectMapper().findAndRegisterModules()), "stock.movements");
        golden = new GoldenRecords(jdbc, tx, new PersonalDataSeal("k1", KEY, Map.of()), movements);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void reset() {
        jdbc.update("delete from hub.reservation");
        jdbc.update("delete from hub.customer_order");
        jdbc.update("delete from hub.stock_posting");
        jdbc.update("delete from hub.customer");
        jdbc.update("update hub.stock set on_hand = 10, reserved = 0 where store_id = 'STORE-001' and sku = 'SKU-0001'");
    }

    @Test
    void aTillSaleQueuesItsGoodsIssueInItsOwnTransactionOnceAndTheOwnerGetsItFromTheQueue() {
        StockSale sale = new StockSale("POS-11-3-777-1", "STORE-001", "SKU-0001", 2);

        assertThat(golden.applySale(sale)).isEqualTo(new GoldenRecords.SaleApplied(true, 0));
        assertThat(golden.applySale(sale).applied()).as("replayed").isFalse();

        assertThat(onHand()).isEqualTo(8);
        // committed with the sale: a crash right after it cannot lose the goods issue
        assertThat(jdbc.queryForList("select posting_ref || ' ' || quantity from hub.stock_posting where posted_at is null", String.class))
                .containsExactly("POS-11-3-777-1 2");
        assertThat(db.queued("stock.movements")).filteredOn(m -> m.get("reference").asText().equals("POS-11-3-777-1"))
                .as("published once with the sale, as two pieces fewer in the store").singleElement()
                .satisfies(m -> assertThat(m.get("storeId").asText() + " " + m.get("sku").asText() + " " + m.get("quantity").asInt() + " "
                        + m.get("kind").asText()).isEqualTo("STORE-001 SKU-0001 -2 TILL_SALE"));

        List<StockSale> erp = new ArrayList<>();
        StockPostings postings = new StockPostings(jdbc, tx, List.of(stockOwner(erp)), FieldOwnership.defaults());
        assertThat(postings.postDue(100)).isEqualTo(1);
        assertThat(erp).containsExactly(sale);
        assertThat(postings.pending()).isZero();
    }

    @Test
    void aTillSaleOfStockOrdersReservedIsRecordedAndTheShortfallNamesTheOrdersItUncovered() {
        UUID early = order();
        UUID late = order();
        ReservationLedger ledger = new ReservationLedger(jdbc, movements);
        tx.executeWithoutResult(s -> ledger.reserve(early, "STORE-001", List.of(new StockRequest(1, "SKU-0001", 4)), false));
        tx.executeWithoutResult(s -> ledger.reserve(late, "STORE-001", List.of(new StockRequest(1, "SKU-0001", 4)), false));

        GoldenRecords.SaleApplied sold = golden.applySale(new StockSale("POS-11-3-778-1", "STORE-001", "SKU-0001", 5));

        assertThat(sold).isEqualTo(new GoldenRecords.SaleApplied(true, 3));
        assertThat(onHand()).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from hub.stock_posting where posting_ref = 'POS-11-3-778-1'", Integer.class)).isEqualTo(1);
        StockShortfalls shortfalls = new StockShortfalls(jdbc);
        assertThat(shortfalls.open()).singleElement().satisfies(s -> {
            assertThat(s.shortBy()).isEqualTo(3);
            assertThat(s.lastCause()).isEqualTo("POS-11-3-778-1");
            assertThat(s.ordersUncovered()).containsExactly(late);
        });
        assertThat(shortfalls.openPieces()).isEqualTo(3);
        // the hub itself still promises nothing it does not have
        List<StockRequest> more = tx.execute(s -> ledger.reserve(order(), "STORE-001", List.of(new StockRequest(1, "SKU-0001", 1)), false).reserved());
        assertThat(more).isEmpty();
        assertThatThrownBy(() -> jdbc.update("update hub.stock set reserved = reserved + 1 where store_id = 'STORE-001' and sku = 'SKU-0001'"))
                .hasMessageContaining("stock_reserved_within_on_hand");

        // the early order is still covered; the late one cannot take pieces that are gone, and says why
        assertThat(commit(ledger, early)).isEqualTo(4);
        assertThatThrownBy(() -> commit(ledger, late)).isInstanceOf(org.retailhub.domain.inventory.StockShortfallException.class)
                .hasMessageContaining("SKU-0001 in STORE-001 has 1 on hand for 4 reserved");
        assertThat(onHand()).isEqualTo(1);
        jdbc.update("update hub.stock_posting set posted_at = now() where posting_ref like ?", early + "%");

        // the ERP counts 4 before it took the queued 5: none left for the hub, all 8 reserved pieces are short
        golden.put(new Stock("STORE-001", "SKU-0001", 4));
        assertThat(onHand()).isZero();
        assertThat(shortfalls.openPieces()).isEqualTo(4);
        // a goods receipt covers the orders again
        tx.executeWithoutResult(s -> jdbc.update("update hub.stock_posting set posted_at = now()"));
        golden.put(new Stock("STORE-001", "SKU-0001", 9));
        assertThat(shortfalls.open()).isEmpty();
        assertThat(commit(ledger, late)).isEqualTo(4);
    }

    @Test
    void aCustomersNameAndEmailAreSealedAtRestAndOpenForComparison() {
        Customer ada = new Customer("CU900001", "Ada Quastenberg", "ada.quastenberg@example.org", 12);

        assertThat(golden.put(ada)).isTrue();
        assertThat(golden.put(ada)).as("unchanged: compared opened").isFalse();

        assertThat(golden.get(EntityKind.CUSTOMER, "CU900001")).contains(ada);
        assertThat(columnsHolding("Quastenberg")).isEmpty();
        assertThat(columnsHolding("ada.quastenberg@example.org")).isEmpty();
        assertThat(jdbc.queryForObject("select key_id from hub.customer where customer_id = 'CU900001'", String.class)).isEqualTo("k1");
        // a sealed value moved to another customer does not open
        jdbc.update("insert into hub.customer (customer_id, key_id, name_sealed, loyalty_points) "
                + "select 'CU900002', key_id, name_sealed, 0 from hub.customer where customer_id = 'CU900001'");
        assertThatThrownBy(() -> golden.all(EntityKind.CUSTOMER)).hasMessageContaining("CU900002 name could not be opened").hasMessageNotContaining("Ada");
    }

    @Test
    void customersInClearOrUnderAPreviousKeyAreSealedAgainWithTheCurrentKey() {
        jdbc.update("insert into hub.customer (customer_id, name_unsealed, email_unsealed, loyalty_points) values ('CU900003', 'Bea Clear', 'bea@example.org', 1)");
        assertThat(golden.get(EntityKind.CUSTOMER, "CU900003")).map(c -> ((Customer) c).name()).contains("Bea Clear");

        assertThat(golden.resealCustomers()).isEqualTo(1);
        assertThat(columnsHolding("Bea Clear")).isEmpty();

        GoldenRecords rotated = new GoldenRecords(jdbc, tx, new PersonalDataSeal("k2", NEXT_KEY, Map.of("k1", KEY)), movements);
        assertThat(rotated.resealCustomers()).isEqualTo(1);
        assertThat(rotated.resealCustomers()).isZero();
        assertThat(jdbc.queryForObject("select key_id from hub.customer where customer_id = 'CU900003'", String.class)).isEqualTo("k2");
        assertThat(rotated.get(EntityKind.CUSTOMER, "CU900003")).contains(new Customer("CU900003", "Bea Clear", "bea@example.org", 1));
        assertThatThrownBy(() -> golden.get(EntityKind.CUSTOMER, "CU900003")).hasMessageContaining("key 'k2'");
    }

    @Test
    void anErasedCustomerIsATombstoneNothingPersonalIsWrittenToAgain() {
        Customer cleo = new Customer("CU900004", "Cleo Erased", "cleo@example.org", 40);
        golden.put(cleo);

        assertThat(golden.eraseCustomer("CU900004")).contains(cleo);
        assertThat(golden.put(cleo)).isFalse();

        assertThat(golden.all(EntityKind.CUSTOMER)).doesNotContainKey("CU900004");
        assertThat(golden.isErased("CU900004")).isTrue();
        assertThat(golden.erasedCustomers()).containsExactly("CU900004");
        assertThat(jdbc.queryForMap("select name_sealed, email_sealed, key_id, loyalty_points from hub.customer where customer_id = 'CU900004'"))
                .containsEntry("name_sealed", null).containsEntry("email_sealed", null).containsEntry("loyalty_points", 0);
        assertThat(golden.eraseCustomer("CU900999")).isEmpty();
    }

    private static IslandSystem stockOwner(List<StockSale> issued) {
        return new IslandSystem() {
            public Island island() {
                return Island.ERP;
            }

            public Set<EntityKind> holds() {
                return Set.of(EntityKind.STOCK);
            }

            public IslandReading read(IslandChange change) {
                return IslandReading.nothing();
            }

            public Map<String, CanonicalRecord> all(EntityKind kind) {
                return Map.of();
            }

            public boolean write(CanonicalRecord record) {
                return false;
            }

            public void retire(EntityKind kind, String key) {
            }

            @Override
            public void issueSoldGoods(StockSale sale) {
                issued.add(sale);
            }
        };
    }

    private static int commit(ReservationLedger ledger, UUID order) {
        Integer units = tx.execute(s -> ledger.commit(order));
        return units == null ? -1 : units;
    }

    private static int onHand() {
        return jdbc.queryForObject("select on_hand from hub.stock where store_id = 'STORE-001' and sku = 'SKU-0001'", Integer.class);
    }

    private static UUID order() {
        return db.newOrder();
    }

    /** Columns of the hub's tables holding {@code text} in clear (text columns, and bytea as UTF-8). */
    private static List<String> columnsHolding(String text) {
        List<String> found = new ArrayList<>();
        for (var c : jdbc.queryForList("select table_name, column_name, data_type from information_schema.columns where table_schema = 'hub' "
                + "and data_type in ('character varying', 'text', 'bytea')")) {
            String column = "\"" + c.get("column_name") + "\"";
            String match = "bytea".equals(c.get("data_type")) ? "position(convert_to(?, 'UTF8') in " + column + ") > 0" : "strpos(" + column + ", ?) > 0";
            Integer n = jdbc.queryForObject("select count(*) from hub.\"" + c.get("table_name") + "\" where " + match, Integer.class, text);
            if (n != null && n > 0) {
                found.add(c.get("table_name") + "." + c.get("column_name"));
            }
        }
        return found;
    }
}
