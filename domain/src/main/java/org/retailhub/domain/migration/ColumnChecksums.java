package org.retailhub.domain.migration;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-column checksums that do not depend on row order: the sum (modulo 2^64) of a 64-bit hash of each value's canonical
 * text. The same transformed values give the same sums whether they are summed chunk by chunk as they are loaded or read
 * back from the target in any order; a row lost, loaded twice or changed on the way changes a sum.
 */
public final class ColumnChecksums {

    private static final String NULL = "\u2400";

    private final List<String> columns;
    private final long[] sums;
    private long rows;

    public ColumnChecksums(List<String> columns) {
        this.columns = List.copyOf(columns);
        this.sums = new long[columns.size()];
    }

    /** Adds one row's values, in the order of the columns. */
    public void add(Object[] values) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += hash(canonical(values[i]));
        }
        rows++;
    }

    public void add(ColumnChecksums other) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
        }
        rows += other.rows;
    }

    public long rows() {
        return rows;
    }

    /** Column name to its sum in hex, in column order. */
    public Map<String, String> byColumn() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < sums.length; i++) {
            out.put(columns.get(i), String.format("%016x", sums[i]));
        }
        return out;
    }

    /** One line that {@link #parse} reads back: {@code rows;sum1;sum2;…} (sums in hex). */
    public String toText() {
        StringBuilder text = new StringBuilder(Long.toString(rows));
        for (long sum : sums) {
            text.append(';').append(Long.toHexString(sum));
        }
        return text.toString();
    }

    public static ColumnChecksums parse(List<String> columns, String text) {
        String[] parts = text.split(";");
        if (parts.length != columns.size() + 1) {
            throw new IllegalArgumentException("checksums of " + (parts.length - 1) + " columns, expected " + columns.size());
        }
        ColumnChecksums parsed = new ColumnChecksums(columns);
        parsed.rows = Long.parseLong(parts[0]);
        for (int i = 0; i < parsed.sums.length; i++) {
            parsed.sums[i] = Long.parseUnsignedLong(parts[i + 1], 16);
        }
        return parsed;
    }

    /** The text a value is compared by, the same for what the transformation produced and what JDBC reads back. */
    static String canonical(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finaliser (MurmurHash3's) so that sums of near-equal texts spread. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnChecksums c && rows == c.rows && columns.equals(c.columns) && Arrays.equals(sums, c.sums);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sums);
    }

    @Override
    public String toString() {
        return toText();
    }
}
