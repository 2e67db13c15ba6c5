package org.retailhub.domain.inventory;

import java.util.List;

/** What the ledger could hold for an order: the lines it reserved and those it could not serve. */
public record ReservationOutcome(List<StockRequest> reserved, List<StockRequest> unavailable) {

    public ReservationOutcome {
        reserved = List.copyOf(reserved);
        unavailable = List.copyOf(unavailable);
    }

    public boolean complete() {
        return unavailable.isEmpty();
    }

    public boolean nothingReserved() {
        return reserved.isEmpty();
    }
}
