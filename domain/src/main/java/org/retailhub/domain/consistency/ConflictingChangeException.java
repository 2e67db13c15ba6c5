package org.retailhub.domain.consistency;

import org.retailhub.domain.shared.RefusedInputException;

/** An island changed a field another island owns: not applied, dead-lettered; reconciliation restores the owner's value. */
public class ConflictingChangeException extends RefusedInputException {

    public ConflictingChangeException(String message) {
        super(message);
    }
}
