package org.retailhub.rfid.reads;

import java.util.Locale;

/** Why a reader message, or one tag record in it, cannot become a read. */
public enum ReadProblem {
    /** not JSON, or JSON of another shape than the format's */
    MALFORMED_JSON,
    /** a required member is missing or of the wrong type */
    MISSING_FIELD,
    /** an event type or tag data format the hub does not read (a TID report, a barcode) */
    UNSUPPORTED_EVENT,
    /** a reader the store layout does not list: nobody knows where the tag is */
    UNKNOWN_READER,
    /** the tag's EPC bank holds no EPC the hub decodes (the codec's reason follows) */
    INVALID_EPC,
    /** a time without offset, or no time */
    INVALID_TIME,
    /** antenna port below 1 */
    INVALID_ANTENNA;

    /** {@code unknown-reader}, as dead letters and problem details name it. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
