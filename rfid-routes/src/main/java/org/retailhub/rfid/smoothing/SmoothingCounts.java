package org.retailhub.rfid.smoothing;

/**
 * What the smoothing did with the reads so far.
 *
 * @param reads      reads accepted in time
 * @param duplicates reads that were the same sighting as one before (another antenna or reader of the zone, or the
 *                   reader repeating itself within the zone's {@code distinctAfter})
 * @param late       reads older than the watermark when they arrived: dropped, counted here
 * @param buffered   reads waiting for the watermark to pass them
 * @param tracked    tag-in-zone states kept (sightings in the window, or present)
 */
public record SmoothingCounts(long reads, long duplicates, long late, int buffered, int tracked) {
}
