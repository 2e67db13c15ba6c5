package org.retailhub.domain.rollout;

/** A route was asked of or set for a store the hub does not know. */
public class UnknownStoreException extends RuntimeException {

    private final String storeId;

    public UnknownStoreException(String storeId) {
        super("unknown store " + storeId);
        this.storeId = storeId;
    }

    public String storeId() {
        return storeId;
    }
}
