package org.retailhub.routes.payment;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.csv.CsvDataFormat;
import org.retailhub.domain.payment.SettlementLine;
import org.retailhub.domain.payment.SettlementReconciliation;
import org.retailhub.domain.payment.SettlementReport;
import org.springframework.stereotype.Component;

/**
 * Reads the provider's daily settlement CSV from the inbox and reconciles it against the day's captures.
 * Mismatches are stored (tables {@code hub.settlement_run}, {@code hub.settlement_mismatch}) and exposed as
 * metric {@code hub.payments.settlement.mismatches}; a file that cannot be read moves to {@code .failed}.
 */
@Component
public class SettlementRoutes extends RouteBuilder {

    private static final Pattern FILE_NAME = Pattern.compile("settlement-([a-z0-9]+)-(\\d{4}-\\d{2}-\\d{2})\\.csv");

    private final SettlementProperties properties;
    private final SettlementReconciliation reconciliation;
    private final MeterRegistry meters;
    private final AtomicInteger lastMismatches = new AtomicInteger();

    public SettlementRoutes(SettlementProperties properties, SettlementReconciliation reconciliation, MeterRegistry meters) {
        this.properties = properties;
        this.reconciliation = reconciliation;
        this.meters = meters;
        meters.gauge("hub.payments.settlement.mismatches", lastMismatches);
    }

    @Override
    public void configure() {
        CsvDataFormat csv = new CsvDataFormat();
        csv.setUseMaps(true);
        csv.setSkipHeaderRecord(true);
        csv.setHeader(new String[] {"payment_id", "reference", "type", "amount", "currency"});

        from("file:" + properties.inbox() + "?include=settlement-.*\\.csv&move=.done&moveFailed=.failed&readLock=changed&readLockMinAge=500")
                .routeId("settlement-reconciliation")
                .process(this::refuseOversized)
                .unmarshal(csv)
                .process(this::reconcile);
    }

    /** A file above the limit is never parsed into memory; it moves to {@code .failed}. */
    private void refuseOversized(Exchange exchange) {
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length > properties.maxFileSize().toBytes()) {
            throw new IllegalArgumentException("settlement file larger than " + properties.maxFileSize() + ": "
                    + exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class));
        }
    }

    @SuppressWarnings("unchecked")
    private void reconcile(Exchange exchange) {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Matcher name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            throw new IllegalArgumentException("settlement file name must be settlement-<provider>-<YYYY-MM-DD>.csv: " + fileName);
        }
        List<SettlementLine> lines = ((List<Map<String, String>>) exchange.getMessage().getBody(List.class)).stream()
                .map(row -> new SettlementLine(row.get("payment_id"), row.get("reference"), row.get("type"),
                        new BigDecimal(row.get("amount")), row.get("currency")))
                .toList();
        SettlementReport report = reconciliation.reconcile(name.group(1), LocalDate.parse(name.group(2)), fileName, lines);
        if (!report.alreadyReconciled()) {
            lastMismatches.set(report.mismatches().size());
            report.mismatches().forEach(m -> meters.counter("hub.payments.settlement.mismatch", "kind", m.kind().name()).increment());
        }
        log.info("Settlement {}: {} lines, {} matched, {} mismatches{}", fileName, report.lines(), report.matched(),
                report.mismatches().size(), report.alreadyReconciled() ? " (already reconciled, not counted again)" : "");
    }
}
