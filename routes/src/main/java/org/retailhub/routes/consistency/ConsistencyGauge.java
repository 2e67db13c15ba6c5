package org.retailhub.routes.consistency;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.retailhub.domain.consistency.ConsistencyReports;
import org.springframework.stereotype.Component;

/** Metric {@code hub.consistency.percent}: the share of records that agree across all islands in the latest report. */
@Component
public class ConsistencyGauge {

    public ConsistencyGauge(ConsistencyReports reports, MeterRegistry meters) {
        Gauge.builder("hub.consistency.percent", reports, r -> r.latest().map(s -> s.percent().doubleValue()).orElse(Double.NaN))
                .description("records consistent across hub, POS, ERP and CRM in the latest reconciliation, in %")
                .register(meters);
    }
}
