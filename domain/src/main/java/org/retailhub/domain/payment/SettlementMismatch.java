package org.retailhub.domain.payment;

import java.math.BigDecimal;

/**
 * A disagreement between the provider's settlement and the hub: MISSING (the hub captured, the provider did not
 * settle), EXTRA (settled, but the hub knows no such capture that day), AMOUNT_DIFFERS.
 */
public record SettlementMismatch(String reference, Kind kind, BigDecimal hubAmount, BigDecimal providerAmount) {

    public enum Kind { MISSING, EXTRA, AMOUNT_DIFFERS }
}
