package org.retailhub.simulator.psp;

import java.math.BigDecimal;

/** A payment as the simulated provider keeps it. */
public record SimPayment(String id, String reference, BigDecimal amount, String currency, String method, String status, String reason,
                         int captures) {

    SimPayment with(String newStatus, String newReason, int moreCaptures) {
        return new SimPayment(id, reference, amount, currency, method, newStatus, newReason == null ? reason : newReason, captures + moreCaptures);
    }
}
