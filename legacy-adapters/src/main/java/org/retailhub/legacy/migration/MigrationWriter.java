package org.retailhub.legacy.migration;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.retailhub.domain.migration.ColumnChecksums;
import org.retailhub.domain.migration.MigrationEntity;
import org.retailhub.domain.migration.MigrationTarget;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes one chunk in the chunk's transaction: canonical rows into the target (multi-row inserts of
 * {@value #ROWS_PER_STATEMENT} rows), refused rows into the quarantine, and, on a retry, clears the quarantine of the
 * rows that now passed. The running counts and checksums of what was loaded live in the step's execution context, which
 * Spring Batch saves in the same transaction: after a crash they resume exactly where the committed chunks left them.
 */
final class MigrationWriter implements ItemStreamWriter<RowOutcome> {

    static final String CHECKSUMS = "migration.checksums";
    static final String LOADED = "migration.loaded";
    static final String READ = "migration.read";
    private static final int ROWS_PER_STATEMENT = 500;

    private final JdbcTemplate hub;
    private final String runId;
    private final MigrationEntity entity;
    private final boolean dryRun;
    private final int attempt;
    private final String insertHead;
    private final String insertRow;
    private final String insertTail;
    private ColumnChecksums checksums;
    private long loaded;
    private long read;

    MigrationWriter(JdbcTemplate hub, String runId, MigrationEntity entity, MigrationTarget target, boolean dryRun, int attempt) {
        this.hub = hub;
        this.runId = runId;
        this.entity = entity;
        this.dryRun = dryRun;
        this.attempt = attempt;
        List<String> columns = entity.columns();
        String table = target.schema() + "." + entity.table();
        this.insertHead = "insert into " + table + " as t (source_key, " + String.join(", ", columns) + ", run_id) values ";
        this.insertRow = "(" + "?, ".repeat(columns.size() + 1) + "?)";
        // a row written again in the same run counts up, so a replayed chunk would be seen; a later run starts at 1
        this.insertTail = " on conflict (source_key) do update set "
                + columns.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "))
                + ", run_id = excluded.run_id, loads = case when t.run_id = excluded.run_id then t.loads + 1 else 1 end";
        this.checksums = new ColumnChecksums(columns);
    }

    @Override
    public void open(ExecutionContext context) {
        checksums = context.containsKey(CHECKSUMS) ? ColumnChecksums.parse(entity.columns(), context.getString(CHECKSUMS))
                : new ColumnChecksums(entity.columns());
        loaded = context.getLong(LOADED, 0);
        read = context.getLong(READ, 0);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(CHECKSUMS, checksums.toText());
        context.putLong(LOADED, loaded);
        context.putLong(READ, read);
    }

    @Override
    public void write(Chunk<? extends RowOutcome> chunk) {
        List<RowOutcome.Migrated> rows = new ArrayList<>();
        List<RowOutcome.Quarantined> refused = new ArrayList<>();
        for (RowOutcome outcome : chunk) {
            if (outcome instanceof RowOutcome.Migrated m) {
                rows.add(m);
            } else if (outcome instanceof RowOutcome.Quarantined q) {
                refused.add(q);
            }
        }
        if (!dryRun) {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                insert(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
            }
        }
        if (!refused.isEmpty()) {
            hub.batchUpdate("""
                    insert into hub.migration_quarantine (run_id, entity, source_key, rule, reason, payload, attempt)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict (run_id, entity, source_key) do update
                    set rule = excluded.rule, reason = excluded.reason, payload = excluded.payload, attempt = excluded.attempt,
                        recorded_at = now()""",
                    refused.stream().map(q -> new Object[] {runId, entity.name(), q.sourceKey(), q.reject().rule(), q.reject().reason(),
                        q.payload(), attempt}).toList());
        }
        if (attempt > 1 && !rows.isEmpty()) {
            hub.batchUpdate("delete from hub.migration_quarantine where run_id = ? and entity = ? and source_key = ?",
                    rows.stream().map(m -> new Object[] {runId, entity.name(), m.sourceKey()}).toList());
        }
        rows.forEach(m -> checksums.add(m.values()));
        loaded += rows.size();
        read += chunk.size();
    }

    private void insert(List<RowOutcome.Migrated> rows) {
        String sql = insertHead + String.join(", ", java.util.Collections.nCopies(rows.size(), insertRow)) + insertTail;
        hub.update(sql, (PreparedStatement ps) -> {
            int i = 1;
            for (RowOutcome.Migrated row : rows) {
                ps.setLong(i++, row.sourceKey());
                for (Object value : row.values()) {
                    set(ps, i++, value);
                }
                ps.setString(i++, runId);
            }
        });
    }

    private static void set(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR); // only text columns are optional
        } else {
            ps.setObject(index, value);
        }
    }
}
