package org.retailhub.domain.migration;

/**
 * The bulk work of a migration, row by row in committed chunks, behind the stages the migration process shows:
 * implemented by the batch jobs in {@code legacy-adapters} ({@code MigrationBatch}).
 */
public interface MigrationJobs {

    /** Counts the entity's source rows and their key range; throws {@link SourceUnavailableException} when it cannot read. */
    EntityPlan plan(MigrationEntity entity);

    /** Whether masked targets can be served (a masking key is configured). */
    boolean canMask();

    /**
     * Extracts, transforms, masks (for a masked target) and loads the entity; rows breaking a rule go to the quarantine.
     * Attempt 1 reads every source row, a later attempt only the rows quarantined so far (after the source was fixed).
     * Called again after a crash, it goes on from the last committed chunk: no row is lost or loaded twice.
     */
    void load(String runId, MigrationEntity entity, MigrationRequest request, int attempt);

    /** Counts, checksums and loads-per-row of the entity's source against its target, over the same transformed values. */
    EntityOutcome validate(String runId, MigrationEntity entity, MigrationRequest request);
}
