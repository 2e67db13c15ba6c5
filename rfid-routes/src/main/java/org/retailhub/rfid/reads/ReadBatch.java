package org.retailhub.rfid.reads;

import java.util.List;

/**
 * What one reader message gave: the reads, the tag records refused (each with its reason and its JSON, for the dead
 * letters) and how many events carried no read (status events).
 */
public record ReadBatch(List<TagRead> reads, List<RefusedRecord> refused, int skipped) {

    /** One tag record that cannot become a read. */
    public record RefusedRecord(ReadProblem problem, String reader, String reason, String record) {
    }
}
