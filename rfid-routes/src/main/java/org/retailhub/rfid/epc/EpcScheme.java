package org.retailhub.rfid.epc;

import java.util.Arrays;
import java.util.Optional;

/**
 * The EPC schemes the hub translates, each tied to a GS1 key (TDS 2.3 table 4-1), with the meaning of its filter
 * values (TDS 2.3 tables 10-1 to 10-5). Decoders accept every filter value, reserved ones too (TDS 10.1).
 */
public enum EpcScheme {
    SGTIN("sgtin", "GTIN", 13, 20, "All Others", "Point of Sale (POS) Trade Item", "Full Case for Transport", null,
            "Inner Pack Trade Item Grouping for Handling", null, "Unit Load",
            "Unit inside Trade Item or component inside a product not intended for individual sale"),
    SSCC("sscc", "SSCC", 17, 0, "All Others", null, "Full Case for Transport", null, null, null, "Unit Load", null),
    SGLN("sgln", "GLN", 12, 20, "All Others", null, null, null, null, null, null, null),
    GRAI("grai", "GRAI", 12, 16, "All Others", null, null, null, null, null, null, null),
    GIAI("giai", "GIAI", 0, 30, "All Others", "Rail Vehicle", null, null, null, null, null, null);

    private final String uriName;
    private final String keyName;
    private final int keyDigits;
    private final int maxSerialLength;
    private final String[] filterMeanings;

    EpcScheme(String uriName, String keyName, int keyDigits, int maxSerialLength, String... filterMeanings) {
        this.uriName = uriName;
        this.keyName = keyName;
        this.keyDigits = keyDigits;
        this.maxSerialLength = maxSerialLength;
        this.filterMeanings = filterMeanings;
    }

    /** The name in {@code urn:epc:id:<name>:…}, e.g. {@code sgtin}. */
    public String uriName() {
        return uriName;
    }

    /** The GS1 key the EPC carries: GTIN, SSCC, GLN, GRAI or GIAI. */
    public String keyName() {
        return keyName;
    }

    /** What filter value 0-7 says about the tagged object; "Reserved" for values GS1 has not assigned. */
    public String filterMeaning(int filter) {
        String meaning = filter >= 0 && filter < filterMeanings.length ? filterMeanings[filter] : null;
        return meaning == null ? "Reserved" : meaning;
    }

    /** Digits of company prefix and reference together (13 for SGTIN: the GTIN without check digit); 0 where they vary (GIAI). */
    int keyDigits() {
        return keyDigits;
    }

    /** The most characters of the serial (or GLN extension); for GIAI, of company prefix and asset reference together. */
    int maxSerialLength() {
        return maxSerialLength;
    }

    static Optional<EpcScheme> byUriName(String name) {
        return Arrays.stream(values()).filter(s -> s.uriName.equals(name)).findFirst();
    }
}
