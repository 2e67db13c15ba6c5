package org.retailhub.domain.consistency;

import java.time.Instant;
import java.util.Map;

/**
 * One committed row change captured from an island's database, before any mapping.
 *
 * @param island      where it was committed
 * @param table       the island's table
 * @param operation   c(reate), u(pdate), d(elete) or r(ead during the initial snapshot)
 * @param row         column values after the change (before it, for deletes)
 * @param position    the island's log position (PostgreSQL LSN); later changes have larger positions
 * @param committedAt commit time in the island, for the lag metric
 * @param payload     the change as captured, kept for the dead-letter table
 */
public record IslandChange(Island island, String table, char operation, Map<String, Object> row, long position,
                           Instant committedAt, String payload) {

    public boolean isDelete() {
        return operation == 'd';
    }

    /** A snapshot read of a row that existed before capture started, not a change anyone made. */
    public boolean isSnapshot() {
        return operation == 'r';
    }

    /** A column as trimmed text; null when absent or blank. */
    public String text(String column) {
        Object value = row.get(column);
        String text = value == null ? null : value.toString().strip();
        return text == null || text.isEmpty() ? null : text;
    }

    /** A numeric column (numbers arrive as JSON numbers or, for decimals, as strings). */
    public java.math.BigDecimal decimal(String column) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new UndecodableChangeException(island + " " + table + "." + column + " '" + text + "' is not a number");
        }
    }

    /** A whole-number column; null stays null. */
    public Integer integer(String column) {
        java.math.BigDecimal value = decimal(column);
        return value == null ? null : value.intValue();
    }

    /** A column that must be present, or the change cannot be mapped. */
    public String required(String column) {
        String text = text(column);
        if (text == null) {
            throw new UndecodableChangeException(island + " " + table + "." + column + " is missing");
        }
        return text;
    }
}
