package org.retailhub.domain.migration;

/** A masked migration was asked for, but the hub has no masking key (hub.migration.masking-key): it refuses to start. */
public class MaskingKeyMissingException extends IllegalStateException {

    public MaskingKeyMissingException() {
        super("a masked migration needs a masking key: set hub.migration.masking-key (HUB_MIGRATION_MASKING_KEY, at least 16 characters)");
    }
}
