package org.retailhub.rfid.reads;

import java.time.Instant;

/**
 * One read of one tag, whatever reader made it: the canonical read every reader format becomes.
 *
 * @param epcHex  the EPC bank from bit 20h as the reader sent it, upper case (decoded, so it is an EPC the hub reads)
 * @param epc     its pure identity URI, {@code urn:epc:id:sgtin:4012345.000001.1001}
 * @param reader  the reader's id as the store layout knows it
 * @param antenna the antenna port, from 1
 * @param rssi    peak signal strength in dBm (negative; {@link Double#NaN} when the reader did not say)
 * @param time    when the reader saw the tag, by the reader's clock
 */
public record TagRead(String epcHex, String epc, String reader, int antenna, double rssi, Instant time) {
}
