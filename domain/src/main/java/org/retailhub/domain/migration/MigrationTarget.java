package org.retailhub.domain.migration;

/** Where a migration loads: the hub itself, or the masked copy testers get (no clear personal value ever reaches it). */
public enum MigrationTarget {
    HUB("hub", false),
    MASKED_COPY("masked_copy", true);

    private final String schema;
    private final boolean masked;

    MigrationTarget(String schema, boolean masked) {
        this.schema = schema;
        this.masked = masked;
    }

    public String schema() {
        return schema;
    }

    public boolean masked() {
        return masked;
    }
}
