package org.retailhub.domain.consistency;

import org.retailhub.domain.shared.RefusedInputException;

/** A captured change the hub cannot map (unknown key, unknown code, missing value): it goes to the dead letters. */
public class UndecodableChangeException extends RefusedInputException {

    public UndecodableChangeException(String message) {
        super(message);
    }
}
