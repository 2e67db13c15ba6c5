package org.retailhub.domain.order;

import java.util.Objects;

/**
 * A gift card as the hub keeps it: the CRM vault's opaque token, which balance, redemption and reversal take instead of
 * the number, and the last four digits for people to recognise the card. The number itself is never stored.
 *
 * @param token    the CRM's token for the card
 * @param lastFour the card number's last four digits
 */
public record GiftCardToken(String token, String lastFour) {

    public GiftCardToken {
        Objects.requireNonNull(token, "token");
        if (lastFour == null || !lastFour.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("lastFour must be four digits");
        }
    }

    /** Masks every run of 16 to 19 digits in {@code text} (a gift or payment card number) down to its last four digits. */
    public static String maskNumbers(String text) {
        return text == null ? null : text.replaceAll("(?<![0-9])[0-9]{12,15}([0-9]{4})(?![0-9])", "************$1");
    }
}
