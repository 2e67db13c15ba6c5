package org.retailhub.routes.consistency;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.retailhub.domain.consistency.ConsistencyReports;
import org.retailhub.domain.inventory.StockShortfalls;
import org.springframework.stereotype.Component;

/**
 * Metrics {@code hub.consistency.percent}: the share of records that agree across all islands in the latest report;
 * {@code hub.stock.shortfall.pieces}: pieces orders hold reserved beyond what is on hand (an island took them).
 */
@Component
public class ConsistencyGauge {

    public ConsistencyGauge(ConsistencyReports reports, StockShortfalls shortfalls, MeterRegistry meters) {
        Gauge.builder("hub.stock.shortfall.pieces", shortfalls, StockShortfalls::openPieces)
                .description("pieces reserved for orders beyond what is on hand, because an island (a till sale, the ERP's count) took them")
                .register(meters);
        Gauge.builder("hub.consistency.percent", reports, r -> r.latest().map(s -> s.percent().doubleValue()).orElse(Double.NaN))
                .description("records consistent across hub, POS, ERP and CRM in the latest reconciliation, in %")
                .register(meters);
    }
}
