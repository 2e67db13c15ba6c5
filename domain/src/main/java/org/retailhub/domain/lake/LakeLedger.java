package org.retailhub.domain.lake;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the data lake holds, kept in the hub's database: how far each source partition has been exported
 * ({@code hub.lake_watermark}) and every committed file ({@code hub.lake_file}). A batch is announced before its files
 * are written ({@link #begin}) and committed with its files in one transaction ({@link #commit}); after a crash the
 * announced batch is written again with the same records and file names, so the lake gets every row exactly once.
 */
public class LakeLedger {

    /** Where a source partition stands: the next offset to export, and the last offset of an uncommitted batch if any. */
    public record Watermark(long nextOffset, Long pendingTo) {
    }

    /** A committed Parquet file, its path relative to the lake's folder. */
    public record LakeFile(String path, String eventType, LocalDate eventDate, int rows) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public LakeLedger(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public Watermark watermark(String topic, int partition) {
        List<Watermark> found = jdbc.query("select next_offset, pending_to from hub.lake_watermark where topic = ? and partition_no = ?",
                (rs, n) -> new Watermark(rs.getLong(1), rs.getObject(2, Long.class)), topic, partition);
        return found.stream().findFirst().orElse(new Watermark(0, null));
    }

    /** Announces the batch {@code [from, to]} of a partition before its files are written. */
    public void begin(String topic, int partition, long from, long to) {
        jdbc.update("""
                insert into hub.lake_watermark (topic, partition_no, next_offset, pending_to) values (?, ?, ?, ?)
                on conflict (topic, partition_no) do update set pending_to = excluded.pending_to, updated_at = now()""",
                topic, partition, from, to);
    }

    /** Records the batch's files and moves the partition past {@code to}, in one transaction. */
    public void commit(String topic, int partition, long to, List<LakeFile> files) {
        transactions.executeWithoutResult(tx -> {
            for (LakeFile file : files) {
                jdbc.update("""
                        insert into hub.lake_file (path, event_type, event_date, row_count) values (?, ?, ?, ?)
                        on conflict (path) do update set row_count = excluded.row_count, uploaded_at = null""",
                        file.path(), file.eventType(), Date.valueOf(file.eventDate()), file.rows());
            }
            jdbc.update("update hub.lake_watermark set next_offset = ?, pending_to = null, updated_at = now() where topic = ? and partition_no = ?",
                    to + 1, topic, partition);
        });
    }

    /** Committed files the object storage does not hold yet, oldest first. */
    public List<String> notUploaded(int limit) {
        return jdbc.queryForList("select path from hub.lake_file where uploaded_at is null order by created_at, path limit ?", String.class, limit);
    }

    public void uploaded(String path) {
        jdbc.update("update hub.lake_file set uploaded_at = now() where path = ?", path);
    }

    /** When the newest committed batch was committed; null before the first. */
    public Instant lastCommit() {
        Timestamp at = jdbc.queryForObject("select max(updated_at) from hub.lake_watermark where pending_to is null", Timestamp.class);
        return at == null ? null : at.toInstant();
    }
}
