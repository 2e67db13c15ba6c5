package org.retailhub.legacy.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * One of the key ranges an entity's load is split into, each loaded by a job of its own. The split depends only on the
 * source's first and last key, so the same source gives the same ranges when a load is resumed after a crash.
 */
record KeyRange(int partition, long from, long to) {

    static List<KeyRange> split(long first, long last, int parts) {
        long size = Math.max(0, last - first + 1);
        long step = Math.max(1, (size + parts - 1) / Math.max(1, parts));
        List<KeyRange> ranges = new ArrayList<>();
        for (long from = first; ranges.isEmpty() || from <= last; from += step) {
            ranges.add(new KeyRange(ranges.size(), from, Math.min(last, from + step - 1)));
        }
        return ranges;
    }
}
