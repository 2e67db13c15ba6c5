package org.retailhub.routes.rollout;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.retailhub.domain.order.LegacyHandover;
import org.retailhub.domain.rollout.StorePath;
import org.retailhub.domain.rollout.StoreRoute;
import org.retailhub.domain.rollout.StoreRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The rollout as the metrics show it, read every {@code hub.rollout.meter-refresh} and after every switch:
 * {@code hub_store_route{store,path}} is 1 for the path each store is on and 0 for the other; the hand-overs to the
 * legacy ERP still due and the age of the oldest. Every instance reads one database: dashboards take the {@code max}.
 */
@Component
public class RolloutMeters {

    private static final Logger log = LoggerFactory.getLogger(RolloutMeters.class);

    private final StoreRoutes routes;
    private final LegacyHandover handover;
    private final MultiGauge storeRoutes;
    private final AtomicReference<double[]> backlog = new AtomicReference<>(new double[] {0, 0});

    RolloutMeters(StoreRoutes routes, LegacyHandover handover, MeterRegistry meters, TaskScheduler scheduler, RolloutProperties properties) {
        this.routes = routes;
        this.handover = handover;
        this.storeRoutes = MultiGauge.builder("hub.store.route").description("1 for the path each store's orders take now, 0 for the other")
                .register(meters);
        Gauge.builder("hub.legacy.handover.due", backlog, b -> b.get()[0])
                .description("orders of legacy-path stores not yet booked by the legacy ERP").register(meters);
        Gauge.builder("hub.legacy.handover.oldest", backlog, b -> b.get()[1]).baseUnit("seconds")
                .description("how long the oldest hand-over to the legacy ERP has waited").register(meters);
        scheduler.scheduleWithFixedDelay(this::refresh, properties.meterRefresh());
    }

    /** Reads the routes and the backlog again. */
    public void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (StoreRoute route : routes.every()) {
                for (StorePath path : StorePath.values()) {
                    rows.add(MultiGauge.Row.of(Tags.of("store", route.storeId(), "path", path.name()), route.path() == path ? 1 : 0));
                }
            }
            storeRoutes.register(rows, true);
            backlog.set(new double[] {handover.due(), handover.oldestDueSeconds()});
        } catch (RuntimeException e) {
            log.warn("Could not read the store routes for the metrics: {}", e.getMessage());
        }
    }
}
