package org.retailhub.domain.replenishment;

/** A goods receipt from the ERP that cannot be booked against the order it names; the message says why. */
public class InvalidGoodsReceiptException extends RuntimeException {

    public InvalidGoodsReceiptException(String message) {
        super(message);
    }
}
