package org.retailhub.domain.migration;

/** The island a migration reads cannot be read (down, missing table, refused login): the step fails and can be retried. */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(MigrationEntity entity, Throwable cause) {
        super(entity + " cannot be read from " + entity.island() + ": " + cause.getMessage(), cause);
    }
}
