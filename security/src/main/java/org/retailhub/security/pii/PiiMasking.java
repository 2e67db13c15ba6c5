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

    /**
     * A printed stack trace with personal data masked in its messages ("Caused by: …" lines and what follows them),
     * while the frame lines ({@code at …}, {@code ... 12 more}) are copied as they are: they name classes and methods,
     * never people, and masking them cost the hub a sixth of its order CPU once failing jobs were logged under load
     * (ops/bench/RESULTS.md).
     */
    public static String maskStackTrace(String trace) {
        if (trace == null || trace.isEmpty()) {
            return trace;
        }
        StringBuilder out = new StringBuilder(trace.length());
        StringBuilder message = new StringBuilder();
        int start = 0;
        while (start < trace.length()) {
            int end = trace.indexOf('\n', start);
            end = end < 0 ? trace.length() : end + 1;
            if (isFrame(trace, start, end)) {
                out.append(mask(message.toString()));
                message.setLength(0);
                out.append(trace, start, end);
            } else {
                message.append(trace, start, end);
            }
            start = end;
        }
        return out.append(mask(message.toString())).toString();
    }

    /** {@code at …} and {@code ... N more} / {@code ... N common frames omitted}, after leading whitespace. */
    private static boolean isFrame(String text, int start, int end) {
        int i = start;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i == start) {
            return false; // a frame is always indented; an unindented line is a message
        }
        if (text.startsWith("at ", i)) {
            return true;
        }
        if (!text.startsWith("... ", i)) {
            return false;
        }
        int digits = i + 4;
        while (digits < end && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        return digits > i + 4 && digits < end && text.charAt(digits) == ' ';
    }
}
