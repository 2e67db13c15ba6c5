package org.retailhub.domain.replenishment;

/** Port: tells whoever follows a purchase order (its process) that the ERP reported on it: a goods receipt, a cancellation. */
public interface PurchaseOrderUpdates {

    /** The order's receipts or cancellations changed in the hub's books; nothing happens when nobody waits for it. */
    void updated(String poId);
}
