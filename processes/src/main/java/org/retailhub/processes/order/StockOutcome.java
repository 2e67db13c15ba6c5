package org.retailhub.processes.order;

/** What the reservation step found; the process branches on it. */
public enum StockOutcome {
    RESERVED, PARTIAL, UNAVAILABLE
}
