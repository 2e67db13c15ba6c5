package org.retailhub.rfid.epc;

/** Why an EPC, in hex or as a URI, could not be translated; {@link #slug()} is the stable name clients see. */
public enum EpcProblem {
    NOT_HEX("not-hex"),
    WRONG_LENGTH("wrong-length"),
    UNKNOWN_HEADER("unknown-header"),
    BAD_PARTITION("bad-partition"),
    OUT_OF_RANGE("out-of-range"),
    NON_NUMERIC("non-numeric"),
    LEADING_ZERO("leading-zero"),
    FIELD_LENGTH("field-length"),
    INVALID_CHARACTER("invalid-character"),
    NON_ZERO_PADDING("non-zero-padding"),
    CHECK_DIGIT("check-digit"),
    UNKNOWN_SCHEME("unknown-scheme"),
    MALFORMED_URI("malformed-uri"),
    MISSING_PARAMETER("missing-parameter");

    private final String slug;

    EpcProblem(String slug) {
        this.slug = slug;
    }

    /** The problem's name in answers and documentation, e.g. {@code unknown-header}. */
    public String slug() {
        return slug;
    }
}
