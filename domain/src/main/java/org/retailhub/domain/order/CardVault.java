package org.retailhub.domain.order;

/**
 * Port: the vault that swaps a gift card number for an opaque token at intake, so an order never stores the number.
 * The CRM's gift card service is the vault; the payment side implements it with its gift card client.
 */
public interface CardVault {

    /**
     * Swaps a card number for the vault's token (the same number always gets the same token); the hub keeps only
     * the token and the last four digits.
     *
     * @throws RuntimeException of the implementation's choosing when the vault cannot be reached: the intake then retries
     */
    GiftCardToken tokenise(String cardNumber);
}
