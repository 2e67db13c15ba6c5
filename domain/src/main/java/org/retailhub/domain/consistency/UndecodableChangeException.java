package org.retailhub.domain.consistency;

/** A captured change the hub cannot map (unknown key, unknown code, missing value): it goes to the dead letters. */
public class UndecodableChangeException extends RuntimeException {

    public UndecodableChangeException(String message) {
        super(message);
    }
}
