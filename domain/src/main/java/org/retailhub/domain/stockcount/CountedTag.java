package org.retailhub.domain.stockcount;

import java.time.Instant;

/**
 * A tag a count saw: its EPC (pure identity URI), the GTIN it carries ({@code null} for an EPC of no trade item: a
 * pallet's SSCC, an asset), the zone and when.
 */
public record CountedTag(String epc, String gtin, String zone, Instant seenAt) {
}
