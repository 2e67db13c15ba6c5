package org.retailhub.rfid.reads;

import java.time.Instant;

/** One tag record as a vendor format states it, before the hub checks reader and EPC. */
record TagReport(String reader, String epcHex, int antenna, double rssi, Instant time) {
}
