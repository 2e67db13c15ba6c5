package org.retailhub.security.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text before it is written anywhere people read (logs, incident messages): e-mail
 * addresses, international phone numbers, card-like numbers (13–19 digits, the last four kept) and the values of fields
 * named like names, contacts, addresses or card data ({@code "email": "…"}, {@code lastName=…}).
 */
public final class PiiMasking {

    private static final Pattern FIELD = Pattern.compile("(?i)(\\b(?:name|firstName|first_name|lastName|last_name|fullName|customerName|"
            + "givenName|familyName|email|e-mail|phone|mobile|telephone|street|address|addressLine\\d?|postalCode|postcode|zip|"
            + "cardNumber|card_number|giftCardNumber|gift_card_number|pan|cvv|cvc|iban)\\b\"?\\s*[:=]\\s*\"?)([^\",;}\\]&\\n]+)");
    // an address starts where a run of its characters starts, and its parts have their RFC lengths: an unbounded
    // pattern tried at every character of a long run (a poison message quoted in a log line) takes quadratic time
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    private static final Pattern CARD = Pattern.compile("(?<![\\w.-])(?:\\d[ -]?){9,15}(\\d{4})(?![\\w-])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+\\d[\\d ()/-]{6,18}\\d(?!\\w)");

    private PiiMasking() {
    }

    /** The text with personal data replaced; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = FIELD.matcher(text).replaceAll("$1***");
        masked = EMAIL.matcher(masked).replaceAll("***@***");
        masked = CARD.matcher(masked).replaceAll(m -> "****" + Matcher.quoteReplacement(m.group(1)));
        return PHONE.matcher(masked).replaceAll("+***");
    }
}
