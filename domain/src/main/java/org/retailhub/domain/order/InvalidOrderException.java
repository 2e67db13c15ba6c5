package org.retailhub.domain.order;

import org.retailhub.domain.shared.RefusedInputException;

/** An order that cannot be accepted as submitted. Carries the channel's id of the order for the error report. */
public class InvalidOrderException extends RefusedInputException {

    private final String externalId;

    public InvalidOrderException(String externalId, String reason) {
        super(reason);
        this.externalId = externalId;
    }

    public String externalId() {
        return externalId;
    }
}
