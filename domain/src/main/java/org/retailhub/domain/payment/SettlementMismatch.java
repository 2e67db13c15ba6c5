package org.retailhub.domain.payment;

import java.math.BigDecimal;

/**
 * A disagreement between the provider's settlement and the hub: MISSING (the hub captured, the provider did not
 * settle), EXTRA (settled, but the hub knows no such capture that day), AMOUNT_DIFFERS, UNREADABLE (a line of the
 * file the hub cannot read: reference {@code line <n>}, the reason and the line in {@code detail}).
 */
public record SettlementMismatch(String reference, Kind kind, BigDecimal hubAmount, BigDecimal providerAmount, String detail) {

    public enum Kind { MISSING, EXTRA, AMOUNT_DIFFERS, UNREADABLE }

    private static final int MAX_DETAIL = 1000;

    public SettlementMismatch(String reference, Kind kind, BigDecimal hubAmount, BigDecimal providerAmount) {
        this(reference, kind, hubAmount, providerAmount, null);
    }

    /** A line of the file that cannot be read, with the reason and the line as it came (cut to what the report keeps). */
    public static SettlementMismatch unreadable(long lineNo, String reason, String line) {
        // PostgreSQL text holds no NUL character
        String detail = (reason + " | " + line).replace('\u0000', '\uFFFD');
        return new SettlementMismatch("line " + lineNo, Kind.UNREADABLE, null, null,
                detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 3) + "...");
    }
}
