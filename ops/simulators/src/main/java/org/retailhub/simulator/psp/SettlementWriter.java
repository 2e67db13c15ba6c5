package org.retailhub.simulator.psp;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * The day's settlement file as the provider would deliver it: one CAPTURE line per payment captured that day (UTC),
 * header {@code payment_id,reference,type,amount,currency}. It reads the provider's kept state, so a restarted
 * provider still settles what it captured before.
 */
final class SettlementWriter {

    static final String HEADER = "payment_id,reference,type,amount,currency\n";

    private final PspPayments payments;

    SettlementWriter(PspPayments payments) {
        this.payments = payments;
    }

    String csv(LocalDate day) {
        StringBuilder csv = new StringBuilder(HEADER);
        String date = day.toString();
        payments.all().stream().filter(p -> date.equals(payments.capturedOn(p.id())))
                .sorted(Comparator.comparing(SimPayment::id))
                .forEach(p -> csv.append(String.join(",", p.id(), p.reference(), "CAPTURE", p.amount().toPlainString(), p.currency())).append('\n'));
        return csv.toString();
    }
}
