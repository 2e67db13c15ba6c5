package org.retailhub.rfid.epc;

/**
 * How the 3-bit partition value splits the bits after the filter between the GS1 Company Prefix and the next field
 * (TDS 2.3 tables 14-16 SGTIN, 14-7 SSCC, 14-10 SGLN, 14-19 GRAI, 14-23 GIAI-96 and 14-20 GIAI-202). Partition 7 is in no table.
 */
enum PartitionTable {
    SGTIN(4, 1, 7, 2, 10, 3, 14, 4, 17, 5, 20, 6, 24, 7),
    SSCC(18, 5, 21, 6, 24, 7, 28, 8, 31, 9, 34, 10, 38, 11),
    SGLN(1, 0, 4, 1, 7, 2, 11, 3, 14, 4, 17, 5, 21, 6),
    GRAI(4, 0, 7, 1, 10, 2, 14, 3, 17, 4, 20, 5, 24, 6),
    /** the reference is an integer without leading zeros; its "digits" are the most it can have */
    GIAI_96(42, 13, 45, 14, 48, 15, 52, 16, 55, 17, 58, 18, 62, 19),
    /** the reference is a 7-bit string; its "digits" are the most characters it may have */
    GIAI_202(148, 18, 151, 19, 154, 20, 158, 21, 161, 22, 164, 23, 168, 24);

    /** One row: the company prefix has {@code companyPrefixDigits} digits in {@code companyPrefixBits} bits, the reference likewise. */
    record Row(int partition, int companyPrefixBits, int companyPrefixDigits, int referenceBits, int referenceDigits) {
    }

    private final Row[] rows = new Row[7];

    PartitionTable(int... referenceBitsAndDigits) {
        // the company prefix columns are the same in every table: 40 bits for 12 digits down to 20 bits for 6
        int[] companyPrefixBits = {40, 37, 34, 30, 27, 24, 20};
        for (int p = 0; p < rows.length; p++) {
            rows[p] = new Row(p, companyPrefixBits[p], 12 - p, referenceBitsAndDigits[2 * p], referenceBitsAndDigits[2 * p + 1]);
        }
    }

    /** The row of a partition value, or {@code null} for 7 (no row). */
    Row row(int partition) {
        return partition >= 0 && partition < rows.length ? rows[partition] : null;
    }

    /** The row of a company prefix of {@code digits} digits (6 to 12). */
    Row forCompanyPrefix(int digits) {
        return row(12 - digits);
    }
}
