package org.retailhub.ops.rfid;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retailhub.rfid.layout.PresenceRule;
import org.retailhub.rfid.layout.ReaderPlacement;
import org.retailhub.rfid.layout.StoreLayout;
import org.retailhub.rfid.layout.StoreSite;
import org.retailhub.rfid.layout.Zone;
import org.retailhub.rfid.layout.ZoneKind;
import org.retailhub.simulator.rfid.SimulatedReader;
import org.retailhub.simulator.rfid.SimulatedTag;
import org.retailhub.simulator.rfid.StoreFloor;

/**
 * The store both RFID benchmarks use, on both sides of the wire: three shelf runs, a backroom and the door of
 * STORE-001, Zebra and Impinj readers over them (the simulator's {@link StoreFloor}), and the same store as the hub's
 * {@link StoreLayout}. Pieces: {@code skus} articles (SKU-0001 on), {@code piecesPerSku} each, spread over the zones.
 */
final class BenchStore {

    static final String STORE = "STORE-001";
    static final List<String> COUNTED_ZONES = List.of("shelf-a", "shelf-b", "shelf-c", "backroom");
    static final List<SimulatedReader> READERS = List.of(
            new SimulatedReader("fx9600-shelf-a", "zebra", "shelf-a", 4),
            new SimulatedReader("r700-shelf-b", "impinj", "shelf-b", 2),
            new SimulatedReader("fx9600-shelf-c", "zebra", "shelf-c", 4),
            new SimulatedReader("r700-backroom", "impinj", "backroom", 2),
            new SimulatedReader("fx7500-door", "zebra", "door", 2));

    private BenchStore() {
    }

    static StoreFloor floor(int skus, int piecesPerSku, long seed) {
        StoreFloor floor = new StoreFloor(READERS, "fx7500-door", "rfid", seed);
        for (int sku = 1; sku <= skus; sku++) {
            for (int piece = 1; piece <= piecesPerSku; piece++) {
                floor.place(COUNTED_ZONES.get(floor.random().nextInt(COUNTED_ZONES.size())), SimulatedTag.of(sku, piece));
            }
        }
        return floor;
    }

    static StoreLayout layout() {
        PresenceRule shelf = new PresenceRule(2, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(500));
        Map<String, Zone> zones = new LinkedHashMap<>();
        COUNTED_ZONES.forEach(id -> zones.put(id, new Zone(STORE, id, id.equals("backroom") ? ZoneKind.BACKROOM : ZoneKind.SALES_FLOOR, shelf)));
        zones.put("door", new Zone(STORE, "door", ZoneKind.DOOR, new PresenceRule(1, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(200))));
        Map<String, ReaderPlacement> readers = new LinkedHashMap<>();
        READERS.forEach(r -> readers.put(r.id(), new ReaderPlacement(r.id(), STORE, r.zone(), Map.of())));
        return new StoreLayout(Map.of(STORE, new StoreSite(STORE, "4012345000016", 7, ZoneId.of("Europe/Berlin"), zones)), readers);
    }

    /** The reader a topic {@code rfid/<vendor>/<reader>} names. */
    static String reader(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }
}
