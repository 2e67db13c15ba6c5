package org.retailhub.domain.consistency;

/** An island changed a field another island owns: not applied, dead-lettered; reconciliation restores the owner's value. */
public class ConflictingChangeException extends RuntimeException {

    public ConflictingChangeException(String message) {
        super(message);
    }
}
