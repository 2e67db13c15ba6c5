package org.retailhub.domain.migration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The migration runs and their reports (table {@code hub.migration_run}), as the process records them and the API serves them. */
public class MigrationRuns {

    /** A report's two renderings. */
    public enum Format { MARKDOWN, JSON }

    private final JdbcTemplate jdbc;

    public MigrationRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the start of a run; again for the same id (a step repeated after a crash) changes nothing. */
    public void open(String runId, MigrationRequest request) {
        jdbc.update("""
                insert into hub.migration_run (run_id, sources, entities, target, chunk_size, dry_run)
                values (?, ?, ?, ?, ?, ?) on conflict (run_id) do nothing""",
                runId, request.sourcesText(), request.entitiesText(), request.target().name(), request.chunkSize(), request.dryRun());
    }

    public Instant startedAt(String runId) {
        return jdbc.queryForObject("select started_at from hub.migration_run where run_id = ?", Timestamp.class, runId).toInstant();
    }

    public void finish(MigrationReport report) {
        jdbc.update("update hub.migration_run set finished_at = ?, outcome = ?, report_json = ?, report_markdown = ? where run_id = ?",
                Timestamp.from(report.finishedAt()), report.outcome(), report.toJson(), report.toMarkdown(), report.runId());
    }

    public Optional<String> report(String runId, Format format) {
        List<String> found = jdbc.queryForList("select " + (format == Format.JSON ? "report_json" : "report_markdown")
                + " from hub.migration_run where run_id = ? and finished_at is not null", String.class, runId);
        return found.stream().findFirst();
    }

    /** How many load attempts of an entity the run has completed (the first reads every row, the others the quarantine). */
    public int attempts(String runId, MigrationEntity entity) {
        Integer n = jdbc.queryForObject("select count(distinct attempt) from hub.migration_load where run_id = ? and entity = ?", Integer.class,
                runId, entity.name());
        return n == null ? 0 : n;
    }

    /** How many rows of an entity the quarantine holds for a run (a retry reads exactly these again). */
    public long quarantined(String runId, MigrationEntity entity) {
        Long n = jdbc.queryForObject("select count(*) from hub.migration_quarantine where run_id = ? and entity = ?", Long.class,
                runId, entity.name());
        return n == null ? 0 : n;
    }
}
