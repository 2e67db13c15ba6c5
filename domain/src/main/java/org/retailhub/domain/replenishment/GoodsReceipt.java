package org.retailhub.domain.replenishment;

import java.util.Objects;

/**
 * A goods receipt the ERP posted against one of its purchase order items.
 *
 * @param erpDocument the ERP's material document
 * @param erpItem     its item
 * @param erpNumber   the ERP's purchase order number
 * @param lineNo      the purchase order item (the hub's line number)
 * @param quantity    units received
 */
public record GoodsReceipt(String erpDocument, int erpItem, String erpNumber, int lineNo, int quantity) {

    public GoodsReceipt {
        Objects.requireNonNull(erpDocument, "erpDocument");
        Objects.requireNonNull(erpNumber, "erpNumber");
    }
}
