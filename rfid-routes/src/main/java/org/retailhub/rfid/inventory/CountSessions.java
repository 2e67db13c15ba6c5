package org.retailhub.rfid.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.retailhub.domain.stockcount.CountedTag;
import org.retailhub.domain.stockcount.StockCounts;
import org.retailhub.rfid.layout.Zone;
import org.retailhub.rfid.reads.TagRead;
import org.springframework.stereotype.Component;

/**
 * The counts open in the hub's stores ({@link StockCounts}), each a {@link CountSession} fed every read of its store;
 * what changed is written in batches ({@link #flush}). The open counts are looked up again on every {@link #refresh}
 * (the intake's tick), so a count opened by its process takes reads within a tick. Called by one thread at a time.
 */
@Component
public class CountSessions {

    private final StockCounts counts;
    private final Map<String, CountSession> open = new HashMap<>();
    private final Map<UUID, List<CountedTag>> counted = new HashMap<>();
    private final Map<UUID, List<CountedTag>> left = new HashMap<>();

    public CountSessions(StockCounts counts) {
        this.counts = counts;
    }

    public void see(Zone zone, TagRead read) {
        CountSession session = open.get(zone.storeId());
        if (session != null) {
            session.see(zone, read).ifPresent(seen -> (seen.counted() ? counted : left)
                    .computeIfAbsent(session.countId(), id -> new ArrayList<>()).add(seen.tag()));
        }
    }

    /** Writes what the counts saw since the last flush; kept for the next one if the database refuses. */
    public void flush() {
        counted.entrySet().removeIf(entry -> {
            counts.counted(entry.getKey(), entry.getValue());
            return true;
        });
        left.entrySet().removeIf(entry -> {
            counts.left(entry.getKey(), entry.getValue());
            return true;
        });
    }

    /** Takes up counts opened since, drops those closed. */
    public void refresh() {
        flush();
        Map<String, StockCounts.OpenCount> now = counts.openCounts();
        open.entrySet().removeIf(entry -> !now.containsKey(entry.getKey())
                || !now.get(entry.getKey()).countId().equals(entry.getValue().countId()));
        now.forEach((store, count) -> open.computeIfAbsent(store, s -> new CountSession(count.countId(), store, count.openedAt())));
    }
}
