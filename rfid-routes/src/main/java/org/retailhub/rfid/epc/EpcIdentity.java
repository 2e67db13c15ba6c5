package org.retailhub.rfid.epc;

/**
 * An EPC itself, the same on every carrier: scheme, GS1 Company Prefix and reference exactly as in the pure identity
 * URI (the reference of an SGTIN starts with the indicator digit, that of an SSCC with the extension digit), and the
 * serial (SGLN: extension; absent for SSCC and GIAI) with its raw characters, unescaped. The constructor refuses any
 * combination that is no EPC, so every instance has a pure identity URI, a GS1 key and a Digital Link URI.
 */
public record EpcIdentity(EpcScheme scheme, String companyPrefix, String reference, String serial) {

    private static final String DIGITAL_LINK_HOST = "https://id.gs1.org/";

    public EpcIdentity {
        check(scheme, companyPrefix, reference, serial, scheme + ":" + companyPrefix + "." + reference + "." + serial);
    }

    /** {@code urn:epc:id:sgtin:0614141.812345.6789} */
    public String pureIdentityUri() {
        return "urn:epc:id:" + scheme.uriName() + ":" + uriBody();
    }

    /** The GS1 key with its check digit: GTIN-14, SSCC-18, GLN-13, the AI (8003) value of the GRAI with its serial, or the GIAI. */
    public String gs1Key() {
        return switch (scheme) {
            case SGTIN, SSCC -> withCheckDigit(reference.charAt(0) + companyPrefix + reference.substring(1));
            case SGLN -> withCheckDigit(companyPrefix + reference);
            case GRAI -> withCheckDigit("0" + companyPrefix + reference) + serial;
            case GIAI -> companyPrefix + reference;
        };
    }

    /** {@code (01)80614141123458(21)6789}; an SGLN without extension (extension 0) has no (254). */
    public String elementString() {
        return switch (scheme) {
            case SGTIN -> "(01)" + gs1Key() + "(21)" + serial;
            case SSCC -> "(00)" + gs1Key();
            case SGLN -> "(414)" + gs1Key() + (hasExtension() ? "(254)" + serial : "");
            case GRAI -> "(8003)" + gs1Key();
            case GIAI -> "(8004)" + gs1Key();
        };
    }

    /** The canonical GS1 Digital Link URI at instance level, on GS1's resolver {@code id.gs1.org}. */
    public String digitalLinkUri() {
        return DIGITAL_LINK_HOST + switch (scheme) {
            case SGTIN -> "01/" + gs1Key() + "/21/" + Gs1Characters.toDigitalLink(serial);
            case SSCC -> "00/" + gs1Key();
            case SGLN -> "414/" + gs1Key() + (hasExtension() ? "/254/" + Gs1Characters.toDigitalLink(serial) : "");
            case GRAI -> "8003/" + Gs1Characters.toDigitalLink(gs1Key());
            case GIAI -> "8004/" + Gs1Characters.toDigitalLink(gs1Key());
        };
    }

    /** What follows the scheme name in the pure identity and tag URIs. */
    String uriBody() {
        return switch (scheme) {
            case SSCC -> companyPrefix + "." + reference;
            case GIAI -> companyPrefix + "." + Gs1Characters.toEpcUri(reference);
            case SGTIN, SGLN, GRAI -> companyPrefix + "." + reference + "." + Gs1Characters.toEpcUri(serial);
        };
    }

    private boolean hasExtension() {
        return !"0".equals(serial);
    }

    private static String withCheckDigit(String digits) {
        return digits + Gs1CheckDigit.of(digits);
    }

    private static void check(EpcScheme scheme, String companyPrefix, String reference, String serial, String input) {
        if (scheme == null || companyPrefix == null || reference == null) {
            throw new InvalidEpcException(EpcProblem.MALFORMED_URI, input, "scheme, company prefix and reference are required");
        }
        requireDigits(companyPrefix, "GS1 Company Prefix", input);
        if (companyPrefix.length() < 6 || companyPrefix.length() > 12) {
            throw new InvalidEpcException(EpcProblem.FIELD_LENGTH, input,
                    "GS1 Company Prefix " + companyPrefix + " has " + companyPrefix.length() + " digits, an EPC takes 6 to 12");
        }
        if (scheme == EpcScheme.GIAI) {
            Gs1Characters.requireValue(reference, scheme.maxSerialLength() - companyPrefix.length(), "individual asset reference", input);
            requireNoSerial(scheme, serial, input);
            return;
        }
        requireDigits(reference, referenceName(scheme), input);
        int digits = companyPrefix.length() + reference.length();
        if (digits != scheme.keyDigits()) {
            throw new InvalidEpcException(EpcProblem.FIELD_LENGTH, input, "GS1 Company Prefix and " + referenceName(scheme) + " have "
                    + digits + " digits together, " + scheme.name() + " needs " + scheme.keyDigits());
        }
        if (scheme == EpcScheme.SSCC) {
            requireNoSerial(scheme, serial, input);
        } else {
            Gs1Characters.requireValue(serial, scheme.maxSerialLength(), scheme == EpcScheme.SGLN ? "extension" : "serial", input);
        }
    }

    static String referenceName(EpcScheme scheme) {
        return switch (scheme) {
            case SGTIN -> "indicator and item reference";
            case SSCC -> "extension digit and serial reference";
            case SGLN -> "location reference";
            case GRAI -> "asset type";
            case GIAI -> "individual asset reference";
        };
    }

    private static void requireDigits(String value, String field, String input) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new InvalidEpcException(EpcProblem.NON_NUMERIC, input, field + " '" + value + "' may hold digits only");
            }
        }
    }

    private static void requireNoSerial(EpcScheme scheme, String serial, String input) {
        if (serial != null) {
            throw new InvalidEpcException(EpcProblem.MALFORMED_URI, input, scheme.name() + " has no serial component");
        }
    }
}
