package org.retailhub.legacy.migration;

import java.util.HashMap;
import java.util.Map;
import org.retailhub.domain.migration.ColumnChecksums;
import org.retailhub.domain.migration.EntityOutcome;
import org.retailhub.domain.migration.MigrationEntity;
import org.retailhub.domain.migration.MigrationRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An entity's validation after its loads: what the committed chunks recorded ({@code hub.migration_load}: rows and
 * checksums of the transformed values), what the quarantine holds by rule, and the target read back (streamed, never
 * the whole table in memory) with the same checksums and the rows written more than once.
 */
final class MigrationValidation {

    private final JdbcTemplate hub;
    private final PlatformTransactionManager transactions;

    MigrationValidation(JdbcTemplate hub, PlatformTransactionManager transactions) {
        this.hub = hub;
        this.transactions = transactions;
    }

    EntityOutcome validate(String runId, MigrationEntity entity, MigrationRequest request, long sourceRows) {
        ColumnChecksums loadedSums = new ColumnChecksums(entity.columns());
        long[] loaded = {0};
        hub.query("select loaded_rows, checksums from hub.migration_load where run_id = ? and entity = ?", rs -> {
            loaded[0] += rs.getLong(1);
            loadedSums.add(ColumnChecksums.parse(entity.columns(), rs.getString(2)));
        }, runId, entity.name());
        // key ranges run side by side: an attempt took as long as its slowest range
        Double seconds = hub.queryForObject("select coalesce(sum(s), 0) from (select max(load_seconds) as s from hub.migration_load "
                + "where run_id = ? and entity = ? group by attempt) attempts", Double.class, runId, entity.name());
        Map<String, Long> rejects = new HashMap<>();
        hub.query("select rule, count(*) from hub.migration_quarantine where run_id = ? and entity = ? group by rule",
                rs -> {
                    rejects.put(rs.getString(1), rs.getLong(2));
                }, runId, entity.name());
        ColumnChecksums targetSums = new ColumnChecksums(entity.columns());
        long[] loadedTwice = {0};
        String table = request.target().schema() + "." + entity.table();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            JdbcTemplate cursor = new JdbcTemplate(hub.getDataSource());
            cursor.setFetchSize(5000); // streamed in the transaction, never the whole table in memory
            int n = entity.columns().size();
            cursor.query("select " + String.join(", ", entity.columns()) + ", loads from " + table + " where run_id = ?", rs -> {
                Object[] values = new Object[n];
                for (int i = 0; i < n; i++) {
                    values[i] = rs.getObject(i + 1);
                }
                targetSums.add(values);
                if (rs.getInt(n + 1) > 1) {
                    loadedTwice[0]++;
                }
            }, runId);
        });
        return new EntityOutcome(entity, request.dryRun(), sourceRows, loaded[0], rejects, targetSums.rows(), loadedTwice[0],
                loadedSums.byColumn(), request.dryRun() ? Map.of() : targetSums.byColumn(), seconds == null ? 0 : seconds);
    }
}
