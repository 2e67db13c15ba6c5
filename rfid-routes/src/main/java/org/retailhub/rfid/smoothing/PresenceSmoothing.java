package org.retailhub.rfid.smoothing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.retailhub.rfid.layout.PresenceRule;
import org.retailhub.rfid.layout.Zone;
import org.retailhub.rfid.reads.TagRead;

/**
 * Turns a stream of reads into presence: a tag is present in a zone once seen there {@link PresenceRule#sightings()}
 * times within {@link PresenceRule#window()} (reads closer together than {@link PresenceRule#distinctAfter()} are one
 * sighting, whichever antenna or reader made them), and gone after {@link PresenceRule#absence()} without a read there,
 * or at once when it becomes present in another zone of the same store: a tag is in one zone of a store at a time.
 *
 * <p>Event time, with a watermark: reads are taken in the order of their reader's time, not of their arrival. The
 * watermark is the latest read time seen (or the hub's clock passed to {@link #advanceTo}) minus the allowed lateness;
 * reads are held until the watermark passes them and then applied in time order (ties: by EPC, then zone), and exits
 * fall due when the watermark passes their time. So any arrival order in which no read is later than the allowed
 * lateness gives the same changes as reads sorted by time. A read older than the watermark when it arrives is late:
 * dropped and counted ({@link SmoothingCounts#late()}), since changes before it are already out.
 *
 * <p>Not thread-safe: one instance per stream, fed by one thread.
 */
public final class PresenceSmoothing {

    private static final Comparator<Held> TIME_ORDER = Comparator.comparingLong(Held::time)
            .thenComparing(Held::epc).thenComparing(held -> held.zone().key());

    private final long lateness;
    private final PriorityQueue<Held> held = new PriorityQueue<>(TIME_ORDER);
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparingLong(Due::at));
    private final Map<ZoneTag, Sightings> sightings = new HashMap<>();
    private final Map<StoreTag, Zone> presentIn = new HashMap<>();
    private long latestRead = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    private long reads;
    private long duplicates;
    private long late;

    /** @param allowedLateness how much later than the latest read (or the clock) a read may arrive and still count */
    public PresenceSmoothing(Duration allowedLateness) {
        if (allowedLateness == null || allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must be zero or more");
        }
        this.lateness = allowedLateness.toMillis();
    }

    /** Takes a read in the zone its reader's antenna covers; returns the changes the watermark let out. */
    public List<PresenceChange> accept(Zone zone, TagRead read) {
        long time = read.time().toEpochMilli();
        if (time < watermark) {
            late++;
            return List.of();
        }
        reads++;
        held.add(new Held(time, read.epc(), zone));
        latestRead = Math.max(latestRead, time);
        return release(latestRead - lateness);
    }

    /** The hub's clock moved on: reads and exits older than {@code now} minus the allowed lateness are due. */
    public List<PresenceChange> advanceTo(Instant now) {
        return release(now.toEpochMilli() - lateness);
    }

    /** End of the stream: every held read applied, every tag that is present ends with an exit. */
    public List<PresenceChange> flush() {
        return release(Long.MAX_VALUE);
    }

    public SmoothingCounts counts() {
        return new SmoothingCounts(reads, duplicates, late, held.size(), sightings.size());
    }

    /** The zones each tag is present in now (after the changes returned so far), for a store's count. */
    public Map<String, Zone> present(String storeId) {
        Map<String, Zone> present = new HashMap<>();
        presentIn.forEach((tag, zone) -> {
            if (tag.storeId().equals(storeId)) {
                present.put(tag.epc(), zone);
            }
        });
        return present;
    }

    private List<PresenceChange> release(long mark) {
        if (mark <= watermark) {
            return List.of();
        }
        watermark = mark;
        List<PresenceChange> changes = new ArrayList<>();
        while (true) {
            Held read = held.peek();
            Due exit = due.peek();
            boolean readDue = read != null && read.time() < mark;
            boolean exitDue = exit != null && exit.at() < mark;
            if (exitDue && (!readDue || exit.at() <= read.time())) {
                due.poll();
                expire(exit, changes);
            } else if (readDue) {
                held.poll();
                apply(read, changes);
            } else {
                return changes;
            }
        }
    }

    private void apply(Held read, List<PresenceChange> changes) {
        PresenceRule rule = read.zone().rule();
        ZoneTag key = new ZoneTag(read.zone(), read.epc());
        Sightings seen = sightings.get(key);
        if (seen == null) {
            seen = new Sightings(rule.sightings());
            sightings.put(key, seen);
            due.add(new Due(read.time() + rule.window().toMillis(), key, seen));
        } else if (read.time() - seen.lastCounted() < rule.distinctAfter().toMillis()) {
            duplicates++;
            seen.seenAt(read.time());
            return;
        }
        seen.count(read.time());
        StoreTag tag = new StoreTag(read.zone().storeId(), read.epc());
        Zone before = presentIn.get(tag);
        if (read.zone().equals(before) || !seen.enough(rule.window().toMillis())) {
            return;
        }
        if (before != null) {
            changes.add(PresenceChange.exit(before, read.epc(), read.time()));
            sightings.remove(new ZoneTag(before, read.epc()));
        }
        presentIn.put(tag, read.zone());
        changes.add(PresenceChange.enter(read.zone(), read.epc(), read.time()));
    }

    /** A tag-in-zone state's time ran out: gone from the zone if present there, otherwise its sightings are stale. */
    private void expire(Due exit, List<PresenceChange> changes) {
        if (sightings.get(exit.key()) != exit.state()) {
            return;
        }
        StoreTag tag = new StoreTag(exit.key().zone().storeId(), exit.key().epc());
        boolean present = exit.key().zone().equals(presentIn.get(tag));
        PresenceRule rule = exit.key().zone().rule();
        long deadline = exit.state().lastSeen() + (present ? rule.absence() : rule.window()).toMillis();
        if (deadline > exit.at()) {
            due.add(new Due(deadline, exit.key(), exit.state()));
            return;
        }
        sightings.remove(exit.key());
        if (present) {
            presentIn.remove(tag);
            changes.add(PresenceChange.exit(exit.key().zone(), exit.key().epc(), deadline));
        }
    }

    private record Held(long time, String epc, Zone zone) {
    }

    private record Due(long at, ZoneTag key, Sightings state) {
    }

    private record ZoneTag(Zone zone, String epc) {
    }

    private record StoreTag(String storeId, String epc) {
    }

    /** The last {@code n} sighting times of one tag in one zone (a ring), and when it was last read at all. */
    private static final class Sightings {

        private final long[] times;
        private int next;
        private int size;
        private long lastSeen = Long.MIN_VALUE;

        Sightings(int n) {
            times = new long[n];
        }

        void count(long time) {
            times[next] = time;
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
            seenAt(time);
        }

        void seenAt(long time) {
            lastSeen = Math.max(lastSeen, time);
        }

        long lastCounted() {
            return times[(next + times.length - 1) % times.length];
        }

        long lastSeen() {
            return lastSeen;
        }

        /** {@code n} sightings, the oldest of them no more than {@code window} before the newest. */
        boolean enough(long window) {
            return size == times.length && lastCounted() - times[next % times.length] <= window;
        }
    }
}
