package org.retailhub.domain.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entity's validation: rows in the source, loaded and refused (by rule), the per-column checksums of the transformed
 * values as the chunks committed them and as the target holds them, and how long the loads took.
 *
 * @param loadedTwice target rows of this run written more than once (a chunk replayed after a crash would show here)
 */
public record EntityOutcome(MigrationEntity entity, boolean dryRun, long sourceRows, long loaded, Map<String, Long> rejectsByRule,
                            long targetRows, long loadedTwice, Map<String, String> sourceChecksums, Map<String, String> targetChecksums,
                            double seconds) {

    public EntityOutcome {
        rejectsByRule = new TreeMap<>(rejectsByRule);
    }

    public long rejected() {
        return rejectsByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rejectPercent() {
        return sourceRows == 0 ? 0 : 100.0 * rejected() / sourceRows;
    }

    public double rowsPerSecond() {
        return seconds <= 0 ? 0 : sourceRows / seconds;
    }

    /** What does not add up; empty when every source row was loaded once or quarantined and the checksums agree. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (loaded + rejected() != sourceRows) {
            problems.add(entity + ": " + sourceRows + " source rows, but " + loaded + " loaded and " + rejected() + " quarantined");
        }
        if (!dryRun && targetRows != loaded) {
            problems.add(entity + ": " + loaded + " rows loaded, but the target holds " + targetRows + " of this run");
        }
        if (loadedTwice > 0) {
            problems.add(entity + ": " + loadedTwice + " rows were loaded more than once");
        }
        if (!dryRun && !sourceChecksums.equals(targetChecksums)) {
            sourceChecksums.forEach((column, sum) -> {
                if (!sum.equals(targetChecksums.get(column))) {
                    problems.add(entity + ": checksum of " + column + " differs (" + sum + " transformed, " + targetChecksums.get(column) + " in the target)");
                }
            });
        }
        return problems;
    }
}
