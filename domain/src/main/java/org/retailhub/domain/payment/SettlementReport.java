package org.retailhub.domain.payment;

import java.time.LocalDate;
import java.util.List;

/** The outcome of reconciling one settlement file. */
public record SettlementReport(String provider, LocalDate date, String fileName, int lines, int matched,
                               List<SettlementMismatch> mismatches, boolean alreadyReconciled) {
}
