package org.retailhub.app.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.retailhub.domain.loyalty.Repurchases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The repurchase rate for the business-KPI dashboard ({@link Repurchases}), counted every
 * {@code hub.operations.repurchase-refresh}: {@code hub_repurchase_rate} (0 to 1), {@code hub_repurchase_customers} (the
 * loyalty customers it is a share of) and {@code hub_repurchase_window_end_seconds} (the newest purchase, the end of the
 * window, as a Unix time). NaN while the hub holds no purchase with a loyalty card.
 */
@Component
class RepurchaseGauges {

    private static final Logger log = LoggerFactory.getLogger(RepurchaseGauges.class);

    private final Repurchases repurchases;
    private final AtomicReference<Optional<Repurchases.Rate>> latest = new AtomicReference<>(Optional.empty());

    RepurchaseGauges(JdbcTemplate jdbc, MeterRegistry meters, TaskScheduler scheduler, OperationsProperties properties) {
        this.repurchases = new Repurchases(jdbc);
        Gauge.builder("hub.repurchase.rate", latest, r -> r.get().map(Repurchases.Rate::share).orElse(Double.NaN))
                .description("share of the loyalty customers with a purchase in the last 90 days of sales who bought again in them")
                .register(meters);
        Gauge.builder("hub.repurchase.customers", latest, r -> r.get().map(rate -> (double) rate.customers()).orElse(Double.NaN))
                .description("loyalty customers with a purchase in the last 90 days of sales").register(meters);
        Gauge.builder("hub.repurchase.window.end", latest, r -> r.get()
                        .map(rate -> (double) rate.windowEnd().atStartOfDay().toEpochSecond(ZoneOffset.UTC)).orElse(Double.NaN))
                .description("the day of the newest purchase with a loyalty card, the end of the repurchase rate's window")
                .baseUnit("seconds").register(meters);
        scheduler.scheduleWithFixedDelay(this::refresh, properties.repurchaseRefresh());
    }

    void refresh() {
        try {
            latest.set(repurchases.rate());
        } catch (RuntimeException e) {
            log.warn("Could not count the repurchase rate for the metrics: {}", e.getMessage());
        }
    }
}
