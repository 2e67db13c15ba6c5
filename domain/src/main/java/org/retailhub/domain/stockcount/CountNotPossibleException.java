package org.retailhub.domain.stockcount;

/** A count cannot start or go on: the store has one open already, has no tagged articles, or the count is not open. */
public class CountNotPossibleException extends RuntimeException {

    public CountNotPossibleException(String message) {
        super(message);
    }
}
