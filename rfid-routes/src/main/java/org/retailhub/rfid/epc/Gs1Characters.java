package org.retailhub.rfid.epc;

/**
 * The 82 characters GS1 allows in alphanumeric serials, extensions and asset references (TDS Table A-1), and how each is
 * written in an EPC URI (TDS section 5: seven of them only as {@code %XX}) and in a GS1 Digital Link URI (every
 * character but letters, digits, {@code -}, {@code .} and {@code _} as {@code %XX}, as the Digital Link grammar asks).
 */
final class Gs1Characters {

    private static final String SYMBOLS = "!\"%&'()*+,-./:;<=>?_";
    /** The characters a URN may not hold (TDS section 5); a Digital Link path may not hold them raw either. */
    private static final String NEVER_RAW = "\"%&/<>?";
    private static final String HEX = "0123456789ABCDEF";

    private Gs1Characters() {
    }

    static boolean allowed(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || SYMBOLS.indexOf(c) >= 0;
    }

    /** Checks a raw value (no escapes): 1 to {@code maxLength} characters of the 82. */
    static void requireValue(String value, int maxLength, String field, String input) {
        if (value == null || value.isEmpty()) {
            throw new InvalidEpcException(EpcProblem.FIELD_LENGTH, input, field + " is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            if (!allowed(value.charAt(i))) {
                throw new InvalidEpcException(EpcProblem.INVALID_CHARACTER, input,
                        field + " holds '" + value.charAt(i) + "', which is not one of GS1's 82 characters");
            }
        }
        if (value.length() > maxLength) {
            throw new InvalidEpcException(EpcProblem.FIELD_LENGTH, input,
                    field + " has " + value.length() + " characters, at most " + maxLength + " fit");
        }
    }

    /** The value as it appears in a pure identity or tag URI. */
    static String toEpcUri(String value) {
        StringBuilder uri = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (NEVER_RAW.indexOf(c) >= 0) {
                escape(uri, c);
            } else {
                uri.append(c);
            }
        }
        return uri.toString();
    }

    /** The value as it appears in a path segment of a GS1 Digital Link URI. */
    static String toDigitalLink(String value) {
        StringBuilder uri = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '.' || c == '_') {
                uri.append(c);
            } else {
                escape(uri, c);
            }
        }
        return uri.toString();
    }

    /** The raw value of a URI component: {@code %XX} escapes decoded, each character one of the 82, none raw that a URI may not hold. */
    static String fromUri(String component, String field, String input) {
        StringBuilder value = new StringBuilder(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '%') {
                int code = i + 2 < component.length() ? hexByte(component.charAt(i + 1), component.charAt(i + 2)) : -1;
                if (code < 0) {
                    throw new InvalidEpcException(EpcProblem.MALFORMED_URI, input, field + " has a '%' that is not followed by two hex digits");
                }
                if (!allowed(code)) {
                    throw new InvalidEpcException(EpcProblem.INVALID_CHARACTER, input,
                            field + " holds %" + component.substring(i + 1, i + 3) + ", which is not one of GS1's 82 characters");
                }
                value.append((char) code);
                i += 2;
            } else if (allowed(c) && NEVER_RAW.indexOf(c) < 0) {
                value.append(c);
            } else {
                throw new InvalidEpcException(EpcProblem.INVALID_CHARACTER, input, field + " holds '" + c + "'"
                        + (allowed(c) ? ", which a URI carries only as %" + hex(c) : ", which is not one of GS1's 82 characters"));
            }
        }
        return value.toString();
    }

    private static void escape(StringBuilder uri, char c) {
        uri.append('%').append(hex(c));
    }

    private static String hex(char c) {
        return "" + HEX.charAt(c >> 4 & 0xF) + HEX.charAt(c & 0xF);
    }

    private static int hexByte(char high, char low) {
        int h = hexDigit(high);
        int l = hexDigit(low);
        return h < 0 || l < 0 ? -1 : h << 4 | l;
    }

    /** 0-15 for an ASCII hex digit of either case, else -1 (no other script's digits). */
    static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
