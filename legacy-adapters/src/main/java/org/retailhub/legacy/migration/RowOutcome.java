package org.retailhub.legacy.migration;

import org.retailhub.domain.migration.Reject;

/** What the transformation made of one source row: a canonical row to load, or a refusal for the quarantine. */
sealed interface RowOutcome {

    long sourceKey();

    /** The canonical values in the order of the entity's columns (masked for a masked target). */
    record Migrated(long sourceKey, Object[] values) implements RowOutcome {
    }

    /** The broken rule, and the row as read (masked for a masked target) for the operator who fixes the source. */
    record Quarantined(long sourceKey, Reject reject, String payload) implements RowOutcome {
    }
}
