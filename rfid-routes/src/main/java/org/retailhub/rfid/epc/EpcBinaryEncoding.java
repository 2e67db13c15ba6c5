package org.retailhub.rfid.epc;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.retailhub.rfid.epc.TagEncoding.Coding;

/**
 * Translates between a tag's binary encoding, as hex from bit 20h of the EPC memory bank, and {@link TagEpc}: the
 * decoding and encoding procedures of TDS 2.3 sections 14.4 and 14.3 with their validity tests, so that bits that are
 * no valid EPC give an {@link InvalidEpcException} rather than a wrong identity.
 */
public final class EpcBinaryEncoding {

    /** Headers of TDS 2.3 table 14-1 that the hub does not decode, named in the refusal. */
    private static final Map<Integer, String> OTHER_HEADERS = Stream.of(("00 an unprogrammed tag,2C GDTI-96,2D GSRN-96,2E GSRNP-96,"
                    + "2F USDoD-96,35 GID-96,3A GDTI-113,3B ADI-var,3C CPI-96,3D CPI-var,3E GDTI-174,3F SGCN-96,40 ITIP-110,41 ITIP-212,"
                    + "E2 TID memory (not an EPC),E6 CPI++,E7 GSRN++,E8 GSRNP++,E9 SGLN++,EA GDTI++,EB GRAI++,EC SGCN++,ED ITIP++,"
                    + "EE GIAI++,EF SSCC++,F0 CPI+,F1 GRAI+,F2 SGLN+,F3 ITIP+,F4 GSRN+,F5 GSRNP+,F6 GDTI+,F7 SGTIN+,F8 SGCN+,F9 SSCC+,"
                    + "FA GIAI+,FB DSGTIN+,FC DSGTIN++,FD SGTIN++").split(","))
            .collect(Collectors.toUnmodifiableMap(e -> Integer.parseInt(e.substring(0, 2), 16), e -> e.substring(3)));

    private EpcBinaryEncoding() {
    }

    /** The EPC in {@code hex}; trailing zero bits (a reader reports whole words) are allowed, anything else after the EPC is not. */
    public static TagEpc decode(String hex) {
        TagBits bits = TagBits.fromHex(hex);
        if (bits.length() < 8) {
            throw new InvalidEpcException(EpcProblem.WRONG_LENGTH, hex, "too short for the 8-bit header");
        }
        int header = (int) bits.read(0, 8);
        TagEncoding encoding = TagEncoding.byHeader(header).orElseThrow(() -> unknownHeader(hex, header));
        if (bits.length() < encoding.bits()) {
            throw new InvalidEpcException(EpcProblem.WRONG_LENGTH, hex, encoding.uriName() + " has " + encoding.bits() + " bits ("
                    + (encoding.bits() + 3) / 4 + " hex digits), this has " + bits.length());
        }
        requireZero(bits, encoding.bits(), bits.length(), "the bits after the " + encoding.bits() + " of " + encoding.uriName(), hex);
        int filter = (int) bits.read(8, 3);
        int partition = (int) bits.read(11, 3);
        PartitionTable.Row row = encoding.partitions().row(partition);
        if (row == null) {
            throw new InvalidEpcException(EpcProblem.BAD_PARTITION, hex, "partition " + partition + " is not in the "
                    + encoding.scheme().name() + " partition table (0-6)");
        }
        int at = 14;
        String companyPrefix = digits(bits.read(at, row.companyPrefixBits()), row.companyPrefixDigits(), "GS1 Company Prefix", hex);
        at += row.companyPrefixBits();
        String referenceName = EpcIdentity.referenceName(encoding.scheme());
        String reference = switch (encoding.referenceCoding()) {
            case DIGITS -> digits(bits.read(at, row.referenceBits()), row.referenceDigits(), referenceName, hex);
            case INTEGER -> Long.toString(bits.read(at, row.referenceBits()));
            default -> characters(bits, at, row.referenceBits(), row.referenceDigits(), referenceName, hex);
        };
        at += row.referenceBits();
        String serial = serial(bits, at, encoding, hex);
        try {
            return new TagEpc(encoding, filter, new EpcIdentity(encoding.scheme(), companyPrefix, reference, serial));
        } catch (InvalidEpcException e) {
            throw e.about(hex);
        }
    }

    /** The binary encoding in upper-case hex, zero-padded to whole 16-bit words as a tag holds it. */
    public static String encode(TagEpc tag) {
        TagEncoding encoding = tag.encoding();
        EpcIdentity identity = tag.identity();
        PartitionTable.Row row = encoding.partitions().forCompanyPrefix(identity.companyPrefix().length());
        TagBits bits = TagBits.zeros(encoding.bits());
        int at = bits.put(0, 8, encoding.header());
        at = bits.put(at, 3, tag.filter());
        at = bits.put(at, 3, row.partition());
        at = bits.put(at, row.companyPrefixBits(), Long.parseLong(identity.companyPrefix()));
        at = put(bits, at, row.referenceBits(), encoding.referenceCoding(), identity.reference());
        put(bits, at, encoding.serialBits(), encoding.serialCoding(), identity.serial());
        return bits.hex();
    }

    private static String serial(TagBits bits, int at, TagEncoding encoding, String hex) {
        String name = encoding.scheme() == EpcScheme.SGLN ? "extension" : "serial";
        return switch (encoding.serialCoding()) {
            case INTEGER -> Long.toString(bits.read(at, encoding.serialBits()));
            case STRING -> characters(bits, at, encoding.serialBits(), encoding.serialBits() / 7, name, hex);
            case RESERVED -> {
                requireZero(bits, at, at + encoding.serialBits(), "the " + encoding.serialBits() + " reserved bits", hex);
                yield null;
            }
            default -> null;
        };
    }

    private static int put(TagBits bits, int at, int width, Coding coding, String value) {
        switch (coding) {
            case DIGITS, INTEGER -> bits.put(at, width, value.isEmpty() ? 0 : Long.parseLong(value));
            case STRING -> {
                for (int i = 0; i < value.length(); i++) {
                    bits.put(at + 7 * i, 7, value.charAt(i));
                }
            }
            default -> {
                // reserved and absent fields stay zero
            }
        }
        return at + width;
    }

    /** "Partition Table" decoding (TDS 14.4.3): the value must fit the row's digits, and is shown with all of them. */
    private static String digits(long value, int digits, String field, String hex) {
        if (value >= pow10(digits)) {
            throw new InvalidEpcException(EpcProblem.OUT_OF_RANGE, hex, field + " " + value + " does not fit " + digits + " digits");
        }
        String decimal = Long.toString(value);
        return digits == 0 ? "" : "0".repeat(digits - decimal.length()) + decimal;
    }

    /** "String" decoding (TDS 14.4.2, 14.4.5): GS1 characters of 7 bits, at least one, then only zero bits. */
    private static String characters(TagBits bits, int at, int width, int maxCharacters, String field, String hex) {
        StringBuilder value = new StringBuilder();
        int end = at + width;
        int pos = at;
        for (; pos + 7 <= end; pos += 7) {
            int c = (int) bits.read(pos, 7);
            if (c == 0) {
                break;
            }
            if (!Gs1Characters.allowed(c)) {
                throw new InvalidEpcException(EpcProblem.INVALID_CHARACTER, hex, field + ": the 7-bit value " + String.format(Locale.ROOT, "0x%02X", c)
                        + " at bit " + pos + " is not one of GS1's 82 characters");
            }
            if (value.length() == maxCharacters) {
                throw new InvalidEpcException(EpcProblem.FIELD_LENGTH, hex, field + " has more than " + maxCharacters + " characters");
            }
            value.append((char) c);
        }
        requireZero(bits, pos, end, field + " after its last character", hex);
        if (value.isEmpty()) {
            throw new InvalidEpcException(EpcProblem.FIELD_LENGTH, hex, field + " is empty");
        }
        return value.toString();
    }

    private static void requireZero(TagBits bits, int from, int to, String what, String hex) {
        if (!bits.zero(from, to)) {
            throw new InvalidEpcException(EpcProblem.NON_ZERO_PADDING, hex, what + " must be zero");
        }
    }

    private static InvalidEpcException unknownHeader(String hex, int header) {
        String known = OTHER_HEADERS.get(header);
        return new InvalidEpcException(EpcProblem.UNKNOWN_HEADER, hex, String.format(Locale.ROOT, "header %02X is ", header)
                + (known == null ? "not assigned to any EPC scheme" : known + ", which the hub does not decode")
                + "; it decodes SGTIN-96/198, SSCC-96, SGLN-96/195, GRAI-96/170 and GIAI-96/202");
    }

    private static long pow10(int digits) {
        long value = 1;
        for (int i = 0; i < digits; i++) {
            value *= 10;
        }
        return value;
    }
}
