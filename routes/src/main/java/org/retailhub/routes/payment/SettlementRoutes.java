package org.retailhub.routes.payment;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.retailhub.domain.payment.SettlementReconciliation;
import org.retailhub.domain.payment.SettlementReport;
import org.retailhub.domain.shared.RefusedInputException;
import org.springframework.stereotype.Component;

/**
 * Reads the provider's daily settlement CSV ({@link SettlementFile}) from the inbox and reconciles it against the
 * day's captures. Mismatches are stored (tables {@code hub.settlement_run}, {@code hub.settlement_mismatch}) and
 * exposed as metric {@code hub.payments.settlement.mismatches}; lines the hub cannot read are mismatches of kind
 * UNREADABLE. What a failure means is declared in {@link SettlementRefusals}.
 */
@Component
public class SettlementRoutes extends RouteBuilder {

    private static final Pattern FILE_NAME = Pattern.compile("settlement-([a-z0-9]{1,32})-(\\d{4}-\\d{2}-\\d{2})\\.csv");

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

    /** What one file says, read before anything is stored. */
    private record Settlement(String provider, LocalDate date, String fileName, SettlementFile.Reading reading) {
    }

    @Override
    public void configure() {
        from("file:" + properties.inbox() + "?include=settlement-.*\\.csv&move=.done&moveFailed=.failed&readLock=changed&readLockMinAge="
                + properties.settleTime().toMillis())
                .routeId("settlement-reconciliation").routeConfigurationId(SettlementRefusals.ID)
                .process(exchange -> exchange.getMessage().setBody(read(exchange)))
                .process(this::reconcile);
    }

    /** The file as a settlement; a file above the size limit is never read into memory. */
    private Settlement read(Exchange exchange) {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length > properties.maxFileSize().toBytes()) {
            throw new RefusedInputException("settlement file larger than " + properties.maxFileSize() + ": " + fileName);
        }
        Matcher name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            throw new RefusedInputException("settlement file name must be settlement-<provider>-<YYYY-MM-DD>.csv: " + fileName);
        }
        return RefusedInputException.whileReading("settlement file " + fileName, () -> new Settlement(name.group(1),
                LocalDate.parse(name.group(2)), fileName, SettlementFile.read(exchange.getMessage().getBody(byte[].class))));
    }

    private void reconcile(Exchange exchange) {
        Settlement settlement = exchange.getMessage().getBody(Settlement.class);
        SettlementReport report = reconciliation.reconcile(settlement.provider(), settlement.date(), settlement.fileName(),
                settlement.reading().lines(), settlement.reading().unreadable());
        if (!report.alreadyReconciled()) {
            lastMismatches.set(report.mismatches().size());
            report.mismatches().forEach(m -> meters.counter("hub.payments.settlement.mismatch", "kind", m.kind().name()).increment());
        }
        log.info("Settlement {}: {} lines, {} matched, {} mismatches{}", settlement.fileName(), report.lines(), report.matched(),
                report.mismatches().size(), report.alreadyReconciled() ? " (already reconciled, not counted again)" : "");
    }
}
