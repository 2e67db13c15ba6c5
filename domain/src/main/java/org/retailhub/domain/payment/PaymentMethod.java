package org.retailhub.domain.payment;

/** How the customer pays. CARD and WALLET go through the payment service provider. */
public enum PaymentMethod {
    CARD, WALLET
}
