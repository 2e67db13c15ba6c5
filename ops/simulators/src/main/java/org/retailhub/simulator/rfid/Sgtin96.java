package org.retailhub.simulator.rfid;

import java.math.BigInteger;

/**
 * The SGTIN-96 tag encoding, written out on the simulator's side of the wire (GS1 TDS table 14-2: header 0x30, filter,
 * partition, company prefix, indicator and item reference, serial) so that simulated tags do not come from the codec
 * the hub reads them with.
 */
final class Sgtin96 {

    /** Company prefix digits 12 to 6 → partition 0 to 6, with the bits of prefix and item reference. */
    private static final int[][] PARTITIONS = {{40, 4}, {37, 7}, {34, 11}, {30, 14}, {27, 17}, {24, 20}, {20, 24}};

    private Sgtin96() {
    }

    /**
     * @param companyPrefix 6-12 digits
     * @param itemReference indicator digit then item reference, 13 digits together with the prefix
     */
    static String hex(int filter, String companyPrefix, String itemReference, long serial) {
        int partition = 12 - companyPrefix.length();
        int[] bits = PARTITIONS[partition];
        BigInteger value = BigInteger.valueOf(0x30)
                .shiftLeft(3).or(BigInteger.valueOf(filter))
                .shiftLeft(3).or(BigInteger.valueOf(partition))
                .shiftLeft(bits[0]).or(new BigInteger(companyPrefix))
                .shiftLeft(bits[1]).or(new BigInteger(itemReference))
                .shiftLeft(38).or(BigInteger.valueOf(serial));
        String hex = value.toString(16).toUpperCase();
        return "0".repeat(24 - hex.length()) + hex;
    }
}
