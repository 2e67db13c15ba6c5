package org.retailhub.domain.replenishment;

/**
 * Port: hands purchase orders to the ERP in its own format, once per order (a repeated hand-over of the same order
 * creates nothing new there). A refusal is an answer with the ERP's reason; an ERP that cannot be reached throws
 * {@link org.retailhub.domain.fulfilment.ErpUnavailableException}, so the calling step is retried.
 */
public interface ErpPurchasing {

    /** Places the order; the ERP answers with its order number, or refuses it with its reason. */
    ErpAnswer place(PurchaseOrder order);

    /** Asks the ERP to cancel what is still open of the order (nothing more will be delivered). */
    ErpAnswer cancelOpen(PurchaseOrder order);

    /**
     * The ERP's answer.
     *
     * @param accepted  whether it took the document
     * @param erpNumber its purchase order number, where it accepted
     * @param reason    its message: why it refused, or what it did
     */
    record ErpAnswer(boolean accepted, String erpNumber, String reason) {
    }
}
