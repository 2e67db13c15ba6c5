package org.retailhub.domain.order;

/**
 * How the customer pays. CARD and WALLET go through the payment service provider; GIFT_CARD is redeemed in the
 * CRM; SPLIT redeems the gift card first and takes the rest by card; PAY_IN_STORE (also cash on delivery) is
 * confirmed by the till later.
 */
public enum PaymentMethod {
    CARD, WALLET, GIFT_CARD, SPLIT, PAY_IN_STORE;

    public boolean usesGiftCard() {
        return this == GIFT_CARD || this == SPLIT;
    }
}
