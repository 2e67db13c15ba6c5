package org.retailhub.rfid.epc;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * The EPC binary coding schemes the hub translates (TDS 2.3 section 14.6): header, length and how the fields after
 * the GS1 Company Prefix are coded. Every scheme here starts with 8 header bits, 3 filter bits, 3 partition bits and the
 * company prefix; then comes the reference and, for most, a serial.
 */
public enum TagEncoding {
    SGTIN_96("sgtin-96", 0x30, 96, EpcScheme.SGTIN, PartitionTable.SGTIN, Coding.DIGITS, Coding.INTEGER, 38),
    SGTIN_198("sgtin-198", 0x36, 198, EpcScheme.SGTIN, PartitionTable.SGTIN, Coding.DIGITS, Coding.STRING, 140),
    SSCC_96("sscc-96", 0x31, 96, EpcScheme.SSCC, PartitionTable.SSCC, Coding.DIGITS, Coding.RESERVED, 24),
    SGLN_96("sgln-96", 0x32, 96, EpcScheme.SGLN, PartitionTable.SGLN, Coding.DIGITS, Coding.INTEGER, 41),
    SGLN_195("sgln-195", 0x39, 195, EpcScheme.SGLN, PartitionTable.SGLN, Coding.DIGITS, Coding.STRING, 140),
    GRAI_96("grai-96", 0x33, 96, EpcScheme.GRAI, PartitionTable.GRAI, Coding.DIGITS, Coding.INTEGER, 38),
    GRAI_170("grai-170", 0x37, 170, EpcScheme.GRAI, PartitionTable.GRAI, Coding.DIGITS, Coding.STRING, 112),
    GIAI_96("giai-96", 0x34, 96, EpcScheme.GIAI, PartitionTable.GIAI_96, Coding.INTEGER, Coding.ABSENT, 0),
    GIAI_202("giai-202", 0x38, 202, EpcScheme.GIAI, PartitionTable.GIAI_202, Coding.STRING, Coding.ABSENT, 0);

    /** How a field is held in the bits (TDS 14.3 / 14.4). */
    enum Coding {
        /** a fixed number of decimal digits, leading zeros kept ("Partition Table" method) */
        DIGITS,
        /** a decimal number without leading zeros ("Integer", "Unpadded Partition Table") */
        INTEGER,
        /** GS1 characters, 7 bits each, zero bits after the last ("String", "String Partition Table") */
        STRING,
        /** bits that must be zero (the 24 after an SSCC) */
        RESERVED,
        /** no such field */
        ABSENT
    }

    private final String uriName;
    private final int header;
    private final int bits;
    private final EpcScheme scheme;
    private final PartitionTable partitions;
    private final Coding referenceCoding;
    private final Coding serialCoding;
    private final int serialBits;

    TagEncoding(String uriName, int header, int bits, EpcScheme scheme, PartitionTable partitions, Coding referenceCoding,
                Coding serialCoding, int serialBits) {
        this.uriName = uriName;
        this.header = header;
        this.bits = bits;
        this.scheme = scheme;
        this.partitions = partitions;
        this.referenceCoding = referenceCoding;
        this.serialCoding = serialCoding;
        this.serialBits = serialBits;
    }

    /** The name in {@code urn:epc:tag:<name>:…}, e.g. {@code sgtin-96}. */
    public String uriName() {
        return uriName;
    }

    /** The 8-bit header that starts the binary encoding. */
    public int header() {
        return header;
    }

    /** Bits of the encoding; on a tag it fills whole 16-bit words, zero bits after. */
    public int bits() {
        return bits;
    }

    public EpcScheme scheme() {
        return scheme;
    }

    PartitionTable partitions() {
        return partitions;
    }

    Coding referenceCoding() {
        return referenceCoding;
    }

    Coding serialCoding() {
        return serialCoding;
    }

    int serialBits() {
        return serialBits;
    }

    /**
     * Refuses an identity this encoding cannot hold, such as a serial with letters or leading zeros, or above 2^38-1,
     * in SGTIN-96 (TDS 2.3 E.1 note 3), or an asset reference beyond the bits its partition leaves in GIAI-96.
     */
    void requireFits(EpcIdentity identity, String input) {
        if (identity.scheme() != scheme) {
            throw new InvalidEpcException(EpcProblem.UNKNOWN_SCHEME, input, uriName + " does not encode " + identity.scheme().name());
        }
        PartitionTable.Row row = partitions.forCompanyPrefix(identity.companyPrefix().length());
        if (referenceCoding == Coding.INTEGER) {
            requireInteger(identity.reference(), row.referenceBits(), EpcIdentity.referenceName(scheme), input);
        } else if (referenceCoding == Coding.STRING && identity.reference().length() > row.referenceDigits()) {
            throw new InvalidEpcException(EpcProblem.FIELD_LENGTH, input, "individual asset reference has " + identity.reference().length()
                    + " characters, " + uriName + " holds " + row.referenceDigits() + " after a " + row.companyPrefixDigits() + "-digit company prefix");
        }
        if (serialCoding == Coding.INTEGER) {
            requireInteger(identity.serial(), serialBits, scheme == EpcScheme.SGLN ? "extension" : "serial", input);
        }
    }

    /** Whether {@link #requireFits} would accept the identity. */
    boolean fits(EpcIdentity identity) {
        try {
            requireFits(identity, identity.pureIdentityUri());
            return true;
        } catch (InvalidEpcException e) {
            return false;
        }
    }

    private void requireInteger(String value, int fieldBits, String field, String input) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new InvalidEpcException(EpcProblem.NON_NUMERIC, input, field + " '" + value + "' is not a number; "
                        + uriName + " holds numbers only, a longer encoding takes any GS1 characters");
            }
        }
        if (value.length() > 1 && value.charAt(0) == '0') {
            throw new InvalidEpcException(EpcProblem.LEADING_ZERO, input, field + " '" + value + "' has a leading zero, which "
                    + uriName + " cannot keep; a longer encoding takes it");
        }
        if (new BigInteger(value).bitLength() > fieldBits) {
            throw new InvalidEpcException(EpcProblem.OUT_OF_RANGE, input, field + " " + value + " exceeds "
                    + BigInteger.ONE.shiftLeft(fieldBits).subtract(BigInteger.ONE) + ", the largest " + uriName + " holds");
        }
    }

    static Optional<TagEncoding> byHeader(int header) {
        return Arrays.stream(values()).filter(e -> e.header == header).findFirst();
    }

    static Optional<TagEncoding> byUriName(String name) {
        return Arrays.stream(values()).filter(e -> e.uriName.equals(name)).findFirst();
    }
}
