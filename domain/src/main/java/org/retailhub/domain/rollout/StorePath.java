package org.retailhub.domain.rollout;

/** The way a store's orders go during the pilot rollout. */
public enum StorePath {
    /** The hub's own fulfilment: reserve, price, pay, deliver (today's processing in the hub). */
    HUB,
    /** Handed to the legacy ERP as a sales order, as the retailer did before the hub; the hub keeps a record only. */
    LEGACY
}
