package org.retailhub.rfid.inventory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.retailhub.domain.stockcount.CountedTag;
import org.retailhub.rfid.epc.EpcIdentity;
import org.retailhub.rfid.epc.EpcScheme;
import org.retailhub.rfid.epc.EpcUris;
import org.retailhub.rfid.layout.Zone;
import org.retailhub.rfid.reads.TagRead;

/**
 * What one open count of a store has seen: every EPC read in a counted zone of the store (shelves, backroom) since the
 * count opened counts once, wherever it was and however often; an EPC read at a door after that has left the store,
 * until it is counted again. Reads count as they come, not smoothed: a count wants every tag seen, and a tag carried
 * from one shelf to another during the count is still one piece. Returns only what changed, so the store of counted
 * tags is written about twice per tag, not per read. Not thread-safe.
 */
public final class CountSession {

    private final UUID countId;
    private final String storeId;
    private final Instant openedAt;
    private final Map<String, Boolean> inStore = new HashMap<>();

    public CountSession(UUID countId, String storeId, Instant openedAt) {
        this.countId = countId;
        this.storeId = storeId;
        this.openedAt = openedAt;
    }

    public UUID countId() {
        return countId;
    }

    /** The change this read makes: a tag newly counted, or a counted tag that left; empty for anything else. */
    public Optional<Seen> see(Zone zone, TagRead read) {
        if (!zone.storeId().equals(storeId) || read.time().isBefore(openedAt)) {
            return Optional.empty();
        }
        Boolean counted = inStore.get(read.epc());
        if (zone.kind().counted() && !Boolean.TRUE.equals(counted)) {
            inStore.put(read.epc(), true);
            return Optional.of(new Seen(true, new CountedTag(read.epc(), gtin(read.epc()), zone.id(), read.time())));
        }
        if (!zone.kind().counted() && Boolean.TRUE.equals(counted)) {
            inStore.put(read.epc(), false);
            return Optional.of(new Seen(false, new CountedTag(read.epc(), gtin(read.epc()), zone.id(), read.time())));
        }
        return Optional.empty();
    }

    /** The EPCs counted and still in the store. */
    public Set<String> counted() {
        return inStore.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The GTIN of an SGTIN, {@code null} for an EPC of another scheme (it counts toward no article). */
    static String gtin(String epc) {
        EpcIdentity identity = EpcUris.pureIdentity(epc);
        return identity.scheme() == EpcScheme.SGTIN ? identity.gs1Key() : null;
    }

    /** @param counted true: counted in the store; false: seen leaving through a door */
    public record Seen(boolean counted, CountedTag tag) {
    }
}
