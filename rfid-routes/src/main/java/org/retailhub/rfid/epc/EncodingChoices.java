package org.retailhub.rfid.epc;

/**
 * What a pure identity or GS1 Digital Link URI does not say but a tag's binary encoding needs: the filter value
 * (default 0, "All Others"), the encoding's length ({@code null}: the 96-bit one where the identity fits, else the
 * longer one) and, for a Digital Link URI only, the number of digits of the GS1 Company Prefix.
 */
public record EncodingChoices(int filter, Integer tagBits, Integer companyPrefixDigits) {

    /** Filter 0, the shortest encoding that holds the EPC, no company prefix length. */
    public static final EncodingChoices DEFAULTS = new EncodingChoices(0, null, null);
}
