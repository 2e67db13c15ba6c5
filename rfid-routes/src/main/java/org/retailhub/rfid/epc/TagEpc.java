package org.retailhub.rfid.epc;

/**
 * What the EPC memory bank of a tag holds from bit 20h on: the EPC, its binary coding scheme and the filter value
 * (0-7). The constructor refuses an identity the encoding cannot hold, so every instance has a binary encoding.
 */
public record TagEpc(TagEncoding encoding, int filter, EpcIdentity identity) {

    public TagEpc {
        String input = encoding == null || identity == null ? "tag EPC" : tagUri(encoding, filter, identity);
        if (encoding == null || identity == null) {
            throw new InvalidEpcException(EpcProblem.MALFORMED_URI, input, "an encoding and an identity are required");
        }
        if (filter < 0 || filter > 7) {
            throw new InvalidEpcException(EpcProblem.OUT_OF_RANGE, input, "filter " + filter + " is not 0-7");
        }
        encoding.requireFits(identity, input);
    }

    /** {@code urn:epc:tag:sgtin-96:3.0614141.812345.6789} */
    public String tagUri() {
        return tagUri(encoding, filter, identity);
    }

    /** The tag's binary encoding in upper-case hex, zero-padded to whole 16-bit words as a reader reports it. */
    public String hex() {
        return EpcBinaryEncoding.encode(this);
    }

    public String filterMeaning() {
        return identity.scheme().filterMeaning(filter);
    }

    private static String tagUri(TagEncoding encoding, int filter, EpcIdentity identity) {
        return "urn:epc:tag:" + encoding.uriName() + ":" + filter + "." + identity.uriBody();
    }
}
