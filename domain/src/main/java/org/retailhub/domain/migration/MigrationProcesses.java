package org.retailhub.domain.migration;

/** Starts the data migration process (implemented in {@code processes} by {@code DataMigrationProcess}). */
public interface MigrationProcesses {

    /**
     * Starts a run and answers its id; refuses a masked target without a masking key ({@link MaskingKeyMissingException})
     * before anything is started.
     */
    String start(MigrationRequest request);
}
