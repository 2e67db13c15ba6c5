package org.retailhub.rfid.epc;

/** The bits of a tag's EPC field, most significant first (bit 0 is the first header bit), read and written in fields of up to 63 bits. */
final class TagBits {

    /** The EPC field of a Gen 2 tag holds at most 31 words, 496 bits (TDS 2.3 section 9.3). */
    static final int MAX_HEX_DIGITS = 124;

    private final byte[] bytes;
    private final int length;

    private TagBits(int length) {
        this.length = length;
        this.bytes = new byte[(length + 7) / 8];
    }

    /** The bits a reader reported as hex digits (either case); anything else is refused, naming the input. */
    static TagBits fromHex(String hex) {
        if (hex == null || hex.isEmpty()) {
            throw new InvalidEpcException(EpcProblem.WRONG_LENGTH, String.valueOf(hex), "no hex digits");
        }
        if (hex.length() > MAX_HEX_DIGITS) {
            throw new InvalidEpcException(EpcProblem.WRONG_LENGTH, hex, hex.length() + " hex digits, but a tag's EPC field holds at most "
                    + MAX_HEX_DIGITS + " (496 bits)");
        }
        TagBits bits = new TagBits(hex.length() * 4);
        for (int i = 0; i < hex.length(); i++) {
            int nibble = Gs1Characters.hexDigit(hex.charAt(i));
            if (nibble < 0) {
                throw new InvalidEpcException(EpcProblem.NOT_HEX, hex, "'" + hex.charAt(i) + "' at position " + (i + 1) + " is not a hex digit");
            }
            bits.put(i * 4, 4, nibble);
        }
        return bits;
    }

    /** Zero bits enough for {@code bits}, rounded up to whole 16-bit words. */
    static TagBits zeros(int bits) {
        return new TagBits((bits + 15) / 16 * 16);
    }

    int length() {
        return length;
    }

    long read(int offset, int width) {
        long value = 0;
        for (int i = offset; i < offset + width; i++) {
            value = value << 1 | (bytes[i >> 3] >> (7 - (i & 7)) & 1);
        }
        return value;
    }

    /** Whether every bit from {@code from} (inclusive) to {@code to} (exclusive) is zero. */
    boolean zero(int from, int to) {
        for (int i = from; i < to; i++) {
            if ((bytes[i >> 3] >> (7 - (i & 7)) & 1) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes the lowest {@code width} bits of {@code value} at {@code offset}; returns the offset after them. */
    int put(int offset, int width, long value) {
        for (int i = 0; i < width; i++) {
            int bit = offset + i;
            if ((value >> (width - 1 - i) & 1) != 0) {
                bytes[bit >> 3] |= (byte) (1 << (7 - (bit & 7)));
            }
        }
        return offset + width;
    }

    /** All bits as upper-case hex. */
    String hex() {
        StringBuilder hex = new StringBuilder(length / 4);
        for (int i = 0; i < length; i += 4) {
            hex.append(Character.toUpperCase(Character.forDigit((int) read(i, 4), 16)));
        }
        return hex.toString();
    }
}
