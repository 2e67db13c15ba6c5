package org.retailhub.rfid.epc;

/**
 * Reads the EPC from an instance-level GS1 Digital Link URI (TDS 2.3 sections 7.3-7.7 with the Digital Link URI syntax of
 * the coding tables in 14.6): {@code /01/{gtin}/21/{serial}}, {@code /00/{sscc}}, {@code /414/{gln}[/254/{extension}]},
 * {@code /8003/{grai with serial}} or {@code /8004/{giai}} at the end of the path, on any host. Check digits are
 * verified. A Digital Link URI does not show where the GS1 Company Prefix ends, so the caller says how many digits it has;
 * query parameters (data attributes such as an expiry date) are no part of the EPC and are left aside.
 */
final class DigitalLinkUris {

    private DigitalLinkUris() {
    }

    static EpcIdentity identity(String uri, Integer companyPrefixDigits) {
        String rest = uri.substring(uri.indexOf("://") + 3);
        int end = firstOf(rest, '?', '#');
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash > end) {
            throw new InvalidEpcException(EpcProblem.MALFORMED_URI, uri, "no path after the host");
        }
        String[] segments = rest.substring(slash + 1, end).split("/", -1);
        int n = segments.length;
        if (n >= 4 && segments[n - 4].equals("01") && segments[n - 2].equals("21")) {
            return sgtin(segments[n - 3], segments[n - 1], uri, companyPrefixDigits);
        }
        if (n >= 4 && segments[n - 4].equals("414") && segments[n - 2].equals("254")) {
            return sgln(segments[n - 3], Gs1Characters.fromUri(segments[n - 1], "extension", uri), uri, companyPrefixDigits);
        }
        String key = n >= 2 ? segments[n - 2] : "";
        return switch (key) {
            case "00" -> sscc(segments[n - 1], uri, companyPrefixDigits);
            case "414" -> sgln(segments[n - 1], "0", uri, companyPrefixDigits);
            case "8003" -> grai(Gs1Characters.fromUri(segments[n - 1], "GRAI", uri), uri, companyPrefixDigits);
            case "8004" -> giai(Gs1Characters.fromUri(segments[n - 1], "GIAI", uri), uri, companyPrefixDigits);
            case "01" -> throw new InvalidEpcException(EpcProblem.MALFORMED_URI, uri,
                    "a GTIN without serial (/21/…) names a class of trade items, not one EPC");
            default -> throw new InvalidEpcException(EpcProblem.MALFORMED_URI, uri, "the path ends in no GS1 key of an EPC: /01/{gtin}/21/{serial},"
                    + " /00/{sscc}, /414/{gln}[/254/{extension}], /8003/{grai with serial} or /8004/{giai}");
        };
    }

    private static EpcIdentity sgtin(String gtin, String serial, String uri, Integer digits) {
        requireKey(gtin, 14, "GTIN", uri);
        int prefix = companyPrefix(digits, uri);
        return identity(EpcScheme.SGTIN, gtin.substring(1, 1 + prefix), gtin.charAt(0) + gtin.substring(1 + prefix, 13),
                Gs1Characters.fromUri(serial, "serial", uri), uri);
    }

    private static EpcIdentity sscc(String sscc, String uri, Integer digits) {
        requireKey(sscc, 18, "SSCC", uri);
        int prefix = companyPrefix(digits, uri);
        return identity(EpcScheme.SSCC, sscc.substring(1, 1 + prefix), sscc.charAt(0) + sscc.substring(1 + prefix, 17), null, uri);
    }

    private static EpcIdentity sgln(String gln, String extension, String uri, Integer digits) {
        requireKey(gln, 13, "GLN", uri);
        int prefix = companyPrefix(digits, uri);
        return identity(EpcScheme.SGLN, gln.substring(0, prefix), gln.substring(prefix, 12), extension, uri);
    }

    /** AI (8003): a pad '0', the 13-digit GRAI with its check digit, then the serial an EPC needs. */
    private static EpcIdentity grai(String value, String uri, Integer digits) {
        if (value.length() <= 14) {
            throw new InvalidEpcException(EpcProblem.MALFORMED_URI, uri, "a GRAI without serial names a class of assets, not one EPC");
        }
        if (value.charAt(0) != '0') {
            throw new InvalidEpcException(EpcProblem.MALFORMED_URI, uri, "AI 8003 starts with a pad digit 0 before the GRAI");
        }
        requireKey(value.substring(0, 14), 14, "GRAI", uri);
        int prefix = companyPrefix(digits, uri);
        return identity(EpcScheme.GRAI, value.substring(1, 1 + prefix), value.substring(1 + prefix, 13), value.substring(14), uri);
    }

    private static EpcIdentity giai(String value, String uri, Integer digits) {
        int prefix = companyPrefix(digits, uri);
        if (value.length() <= prefix) {
            throw new InvalidEpcException(EpcProblem.FIELD_LENGTH, uri, "GIAI " + value + " has no individual asset reference after a "
                    + prefix + "-digit company prefix");
        }
        return identity(EpcScheme.GIAI, value.substring(0, prefix), value.substring(prefix), null, uri);
    }

    private static EpcIdentity identity(EpcScheme scheme, String companyPrefix, String reference, String serial, String uri) {
        try {
            return new EpcIdentity(scheme, companyPrefix, reference, serial);
        } catch (InvalidEpcException e) {
            throw e.about(uri);
        }
    }

    private static int companyPrefix(Integer digits, String uri) {
        if (digits == null) {
            throw new InvalidEpcException(EpcProblem.MISSING_PARAMETER, uri, "a Digital Link URI does not show where the GS1 Company Prefix"
                    + " ends; give its length in digits (6-12)");
        }
        if (digits < 6 || digits > 12) {
            throw new InvalidEpcException(EpcProblem.OUT_OF_RANGE, uri, "a GS1 Company Prefix in an EPC has 6 to 12 digits, not " + digits);
        }
        return digits;
    }

    /** Digits only, the key's length, and the check digit GS1 computes from the others. */
    private static void requireKey(String key, int length, String name, String uri) {
        if (!key.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidEpcException(EpcProblem.NON_NUMERIC, uri, name + " '" + key + "' may hold digits only");
        }
        if (key.length() != length) {
            throw new InvalidEpcException(EpcProblem.FIELD_LENGTH, uri, name + " " + key + " has " + key.length() + " digits, not " + length);
        }
        char expected = Gs1CheckDigit.of(key.substring(0, length - 1));
        if (key.charAt(length - 1) != expected) {
            throw new InvalidEpcException(EpcProblem.CHECK_DIGIT, uri, name + " " + key + " ends in " + key.charAt(length - 1)
                    + ", but its check digit is " + expected);
        }
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? (j < 0 ? s.length() : j) : (j < 0 ? i : Math.min(i, j));
    }
}
