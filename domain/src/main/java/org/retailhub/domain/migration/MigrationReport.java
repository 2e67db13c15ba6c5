package org.retailhub.domain.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's report, as Markdown for people and JSON for tools: rows per entity, rejects by rule, checksums, duration,
 * rows per second, and what did not add up. It holds counts, rule names and checksums only, never a row's values.
 */
public record MigrationReport(String runId, MigrationRequest request, String outcome, Instant startedAt, Instant finishedAt,
                              List<EntityOutcome> entities) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public MigrationReport {
        entities = List.copyOf(entities);
    }

    public List<String> problems() {
        return entities.stream().flatMap(e -> e.problems().stream()).toList();
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", runId);
        json.put("outcome", outcome);
        json.put("sources", request.sourcesText());
        json.put("target", request.target().name());
        json.put("chunkSize", request.chunkSize());
        json.put("dryRun", request.dryRun());
        json.put("startedAt", startedAt.toString());
        json.put("finishedAt", finishedAt.toString());
        json.put("seconds", Duration.between(startedAt, finishedAt).toMillis() / 1000.0);
        json.put("entities", entities.stream().map(MigrationReport::entityJson).toList());
        json.put("problems", problems());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> entityJson(EntityOutcome e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("entity", e.entity().name());
        json.put("sourceRows", e.sourceRows());
        json.put("loaded", e.loaded());
        json.put("rejected", e.rejected());
        json.put("rejectsByRule", e.rejectsByRule());
        json.put("targetRows", e.targetRows());
        json.put("loadedMoreThanOnce", e.loadedTwice());
        json.put("loadSeconds", e.seconds());
        json.put("rowsPerSecond", Math.round(e.rowsPerSecond()));
        json.put("sourceChecksums", e.sourceChecksums());
        json.put("targetChecksums", e.targetChecksums());
        return json;
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Data migration ").append(runId).append("\n\n");
        md.append("- outcome: **").append(outcome).append("**").append(request.dryRun() ? " (dry run: nothing loaded)" : "").append('\n');
        md.append("- sources: ").append(request.sourcesText()).append(", target: ").append(request.target())
                .append(", chunk size: ").append(request.chunkSize()).append('\n');
        md.append("- from ").append(startedAt).append(" to ").append(finishedAt).append(" (")
                .append(Duration.between(startedAt, finishedAt).toSeconds()).append(" s)\n\n");
        md.append("| entity | source rows | loaded | quarantined | in target | load s | rows/s |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (EntityOutcome e : entities) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.0f |%n", e.entity(), e.sourceRows(), e.loaded(),
                    e.rejected(), e.targetRows(), e.seconds(), e.rowsPerSecond()));
        }
        md.append("\n## Rejects by rule\n\n| entity | rule | rows |\n|---|---|---:|\n");
        entities.forEach(e -> e.rejectsByRule().forEach((rule, n) -> md.append("| ").append(e.entity()).append(" | ").append(rule)
                .append(" | ").append(n).append(" |\n")));
        md.append("\n## Checksums (transformed values as loaded, and as the target holds them)\n\n| entity | column | loaded | target |\n|---|---|---|---|\n");
        entities.forEach(e -> e.sourceChecksums().forEach((column, sum) -> md.append("| ").append(e.entity()).append(" | ").append(column)
                .append(" | `").append(sum).append("` | `").append(e.targetChecksums().getOrDefault(column, "-")).append("` |\n")));
        List<String> problems = problems();
        md.append("\n## Problems\n\n").append(problems.isEmpty() ? "None: every source row was loaded once or quarantined, and the checksums agree.\n"
                : "- " + String.join("\n- ", problems) + "\n");
        return md.toString();
    }
}
