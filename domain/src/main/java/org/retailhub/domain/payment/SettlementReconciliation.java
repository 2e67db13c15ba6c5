package org.retailhub.domain.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matches a provider's daily settlement against every payment the hub captured that day (UTC), by the hub's
 * payment reference, and stores the report with each mismatch. A file already reconciled is not counted twice.
 */
public class SettlementReconciliation {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public SettlementReconciliation(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public SettlementReport reconcile(String provider, LocalDate date, String fileName, List<SettlementLine> lines) {
        return reconcile(provider, date, fileName, lines, List.of());
    }

    /**
     * Reconciles the lines the file's reader understood; {@code unreadable} (kind UNREADABLE) are reported with the
     * mismatches of the run, so a file with one bad line is still reconciled and the bad line is not forgotten.
     */
    public SettlementReport reconcile(String provider, LocalDate date, String fileName, List<SettlementLine> lines,
                                      List<SettlementMismatch> unreadable) {
        return tx.execute(status -> {
            Map<String, BigDecimal> captured = new HashMap<>();
            jdbc.query("""
                    select id::text, amount - gift_card_amount from hub.payment
                     where (captured_at at time zone 'UTC')::date = ? and method in ('CARD', 'WALLET', 'SPLIT')
                       and amount > gift_card_amount""",
                    rs -> {
                        captured.put(rs.getString(1), rs.getBigDecimal(2));
                    }, date);
            List<SettlementMismatch> mismatches = new ArrayList<>(unreadable);
            int matched = 0;
            Map<String, BigDecimal> settled = new HashMap<>();
            for (SettlementLine line : lines) {
                if ("CAPTURE".equals(line.type())) {
                    settled.merge(line.reference(), line.amount(), BigDecimal::add);
                }
            }
            for (var entry : settled.entrySet()) {
                BigDecimal ours = captured.get(entry.getKey());
                if (ours == null) {
                    mismatches.add(new SettlementMismatch(entry.getKey(), SettlementMismatch.Kind.EXTRA, null, entry.getValue()));
                } else if (ours.compareTo(entry.getValue()) != 0) {
                    mismatches.add(new SettlementMismatch(entry.getKey(), SettlementMismatch.Kind.AMOUNT_DIFFERS, ours, entry.getValue()));
                } else {
                    matched++;
                }
            }
            captured.forEach((reference, amount) -> {
                if (!settled.containsKey(reference)) {
                    mismatches.add(new SettlementMismatch(reference, SettlementMismatch.Kind.MISSING, amount, null));
                }
            });
            List<Long> run = jdbc.queryForList("""
                    insert into hub.settlement_run (provider, settlement_date, file_name, lines, matched, mismatches)
                    values (?, ?, ?, ?, ?, ?) on conflict (provider, settlement_date, file_name) do nothing returning id""",
                    Long.class, provider, date, fileName, lines.size() + unreadable.size(), matched, mismatches.size());
            if (run.isEmpty()) {
                return new SettlementReport(provider, date, fileName, lines.size() + unreadable.size(), matched, mismatches, true);
            }
            for (SettlementMismatch m : mismatches) {
                jdbc.update("insert into hub.settlement_mismatch (run_id, reference, kind, hub_amount, provider_amount, detail)"
                        + " values (?, ?, ?, ?, ?, ?)", run.get(0), m.reference(), m.kind().name(), m.hubAmount(), m.providerAmount(), m.detail());
            }
            return new SettlementReport(provider, date, fileName, lines.size() + unreadable.size(), matched, List.copyOf(mismatches), false);
        });
    }
}
