package org.retailhub.rfid.layout;

import java.util.Map;
import java.util.Optional;

/**
 * Every store with RFID readers: its sites (GLN, zones) and where each known reader hangs. A read from a reader not
 * listed here is refused: the hub cannot tell where the tag is.
 */
public record StoreLayout(Map<String, StoreSite> stores, Map<String, ReaderPlacement> readers) {

    public StoreLayout {
        stores = Map.copyOf(stores);
        readers = Map.copyOf(readers);
        Map<String, StoreSite> sites = stores;
        readers.forEach((id, reader) -> {
            StoreSite store = sites.get(reader.storeId());
            if (store == null) {
                throw new IllegalArgumentException("reader " + id + " hangs in " + reader.storeId() + ", which has no RFID layout");
            }
            store.zone(reader.zoneId());
            reader.antennaZones().values().forEach(store::zone);
        });
    }

    public Optional<ReaderPlacement> reader(String readerId) {
        return Optional.ofNullable(readers.get(readerId));
    }

    /** The zone a known reader's antenna covers. */
    public Zone zoneOf(ReaderPlacement reader, int antenna) {
        return stores.get(reader.storeId()).zone(reader.zoneOf(antenna));
    }

    public StoreSite store(String storeId) {
        StoreSite store = stores.get(storeId);
        if (store == null) {
            throw new IllegalArgumentException("store " + storeId + " has no RFID layout");
        }
        return store;
    }
}
