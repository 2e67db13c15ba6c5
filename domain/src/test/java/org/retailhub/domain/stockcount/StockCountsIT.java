package org.retailhub.domain.stockcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.epcis.EpcisJournal;
import org.retailhub.domain.epcis.EpcisQuery;
import org.retailhub.domain.epcis.JournalEvent;
import org.retailhub.domain.inventory.StockMovements;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.support.HubDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts and the EPCIS journal against a real PostgreSQL with the hub's migrations and sample data (SKU-0022 and
 * SKU-0037 tagged, 200 of each in every store): differences per tagged article, posted once as goods movements with
 * the hub's copy moved by them and published, a shortfall where orders hold more than was found; events kept and
 * published once.
 */
class StockCountsIT {

    private static final Instant SEEN = Instant.parse("2026-11-30T09:00:00Z");
    private static final String MOVEMENTS = "stock.movements";

    private static HubDatabase db;
    private static JdbcTemplate jdbc;
    private static StockCounts counts;
    private static EpcisJournal journal;

    @BeforeAll
    static void startDatabase() {
        db = HubDatabase.start();
        jdbc = new JdbcTemplate(db.dataSource());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        counts = new StockCounts(jdbc, tx, new StockMovements(jdbc, new Outbox(jdbc, new ObjectMapper().findAndRegisterModules()), MOVEMENTS));
        journal = new EpcisJournal(jdbc, tx, new Outbox(jdbc, new ObjectMapper()), new ObjectMapper());
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @Test
    void aCountsDifferencesArePostedOnceAndMoveTheHubsCopy() {
        UUID id = UUID.randomUUID();
        counts.open(id, "STORE-002");
        assertThatThrownBy(() -> counts.open(UUID.randomUUID(), "STORE-002")).isInstanceOf(CountNotPossibleException.class);
        counts.counted(id, tags(22, 1, 197, "shelf-a"));
        counts.counted(id, tags(37, 1, 203, "backroom"));
        counts.counted(id, tags(22, 1, 5, "shelf-b"));
        counts.left(id, tags(37, 201, 203, "door"));

        StockCount closed = counts.close(id);

        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.tags()).isEqualTo(400);
        assertThat(closed.differences()).extracting(InventoryDifference::sku, InventoryDifference::ledger, InventoryDifference::counted)
                .as("SKU-0037: 203 counted, 3 of them left through the door afterwards: 200, as the ledger says")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SKU-0022", 200, 197));
        assertThat(closed.shrinkValue()).isEqualByComparingTo("77.43");
        assertThat(counts.post(id)).isEqualTo(1);
        assertThat(counts.post(id)).as("posting twice changes nothing").isZero();
        assertThat(jdbc.queryForObject("select on_hand from hub.stock where store_id = 'STORE-002' and sku = 'SKU-0022'", Integer.class)).isEqualTo(197);
        assertThat(jdbc.queryForObject("select quantity from hub.stock_posting where posting_ref = ?", Integer.class, "count/" + id + "/SKU-0022")).isEqualTo(3);
        assertThat(db.queued(MOVEMENTS)).filteredOn(m -> m.get("reference").asText().equals("count/" + id + "/SKU-0022"))
                .as("published once, as three pieces fewer in the store")
                .singleElement().satisfies(m -> {
                    assertThat(m.get("storeId").asText()).isEqualTo("STORE-002");
                    assertThat(m.get("quantity").asInt()).isEqualTo(-3);
                    assertThat(m.get("kind").asText()).isEqualTo("COUNT_CORRECTION");
                });
        assertThat(counts.find(id).orElseThrow().status()).isEqualTo("POSTED");
        assertThat(counts.openCounts()).doesNotContainKey("STORE-002");
    }

    @Test
    void piecesReservedBeyondWhatWasFoundAreAShortfallNotARefusal() {
        jdbc.update("update hub.stock set reserved = 150 where store_id = 'WEB-DC' and sku = 'SKU-0037'");
        UUID id = UUID.randomUUID();
        counts.open(id, "WEB-DC");
        counts.counted(id, tags(37, 1, 100, "backroom"));
        counts.counted(id, tags(22, 1, 200, "backroom"));

        counts.close(id);
        counts.post(id);

        assertThat(jdbc.queryForObject("select on_hand from hub.stock where store_id = 'WEB-DC' and sku = 'SKU-0037'", Integer.class)).isEqualTo(100);
        assertThat(jdbc.queryForObject("select pieces from hub.stock_shortfall where cause = ?", Integer.class, "count/" + id + "/SKU-0037")).isEqualTo(50);
    }

    @Test
    void aStoreWithoutTaggedArticlesCannotCount() {
        jdbc.update("insert into hub.store (store_id, name, city) values ('STORE-099', 'Empty', 'Nowhere') on conflict do nothing");
        assertThatThrownBy(() -> counts.open(UUID.randomUUID(), "STORE-099")).hasMessageContaining("no RFID-tagged article");
    }

    @Test
    void anEpcisEventIsKeptAndPublishedOnceAndFoundByEpcLocationAndTime() throws Exception {
        var json = new ObjectMapper().readTree("{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:1\"}");
        JournalEvent event = new JournalEvent("urn:uuid:11111111-1111-1111-1111-111111111111", "ObjectEvent", SEEN, "OBSERVE", "stocking",
                "sellable_accessible", "urn:epc:id:sgln:4012345.00001.shelf-a", "urn:epc:id:sgln:4012345.00001.0",
                List.of("urn:epc:id:sgtin:4012345.000022.1"), json);

        assertThat(journal.record(List.of(event, event), EpcisJournal.MADE_BY_HUB, "rfid.epcis")).isEqualTo(1);
        assertThat(journal.record(List.of(event), EpcisJournal.MADE_BY_HUB, "rfid.epcis")).isZero();

        assertThat(jdbc.queryForObject("select count(*) from hub.outbox where topic = 'rfid.epcis'", Integer.class)).isEqualTo(1);
        assertThat(journal.find(new EpcisQuery("urn:epc:id:sgtin:4012345.000022.1", null, null, null, 10))).hasSize(1);
        assertThat(journal.find(new EpcisQuery(null, "urn:epc:id:sgln:4012345.00001.0", SEEN, SEEN.plusSeconds(1), 10))).hasSize(1);
        assertThat(journal.find(new EpcisQuery(null, null, SEEN.plusSeconds(1), null, 10))).isEmpty();
    }

    private static List<CountedTag> tags(int item, int from, int to, String zone) {
        List<CountedTag> tags = new ArrayList<>();
        for (int serial = from; serial <= to; serial++) {
            tags.add(new CountedTag("urn:epc:id:sgtin:4012345.0000" + item + "." + serial, item == 22 ? "04012345000221" : "04012345000375",
                    zone, SEEN.plusSeconds(zone.equals("door") ? 60 : 0)));
        }
        return tags;
    }
}
