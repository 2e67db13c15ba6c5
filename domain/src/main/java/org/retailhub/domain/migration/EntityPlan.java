package org.retailhub.domain.migration;

/** What the plan found in the source before anything moves: how many rows, and the range of their keys. */
public record EntityPlan(MigrationEntity entity, long rows, long firstKey, long lastKey) {

    public String describe() {
        return entity + ": " + rows + " rows, keys " + firstKey + ".." + lastKey;
    }
}
