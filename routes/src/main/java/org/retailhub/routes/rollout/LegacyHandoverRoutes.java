package org.retailhub.routes.rollout;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.retailhub.domain.order.LegacyHandover;
import org.retailhub.routes.redelivery.NextTick;
import org.springframework.stereotype.Component;

/**
 * Every {@code hub.rollout.handover-interval}, the orders of stores on the legacy path go to the legacy ERP
 * ({@link LegacyHandover}), up to {@code hub.rollout.handover-batch} at a time; counted in
 * {@code hub_orders_legacy_forwarded_total}. A round that fails as a whole (the hub's database down) is logged and the
 * next tick tries again: the hand-overs stay queued.
 */
@Component
public class LegacyHandoverRoutes extends RouteBuilder {

    public static final String ID = "legacy-handover";

    private final RolloutProperties properties;
    private final LegacyHandover handover;
    private final MeterRegistry meters;

    public LegacyHandoverRoutes(RolloutProperties properties, LegacyHandover handover, MeterRegistry meters) {
        this.properties = properties;
        this.handover = handover;
        this.meters = meters;
    }

    /** The family's error handling: nothing to set aside, a failed round is simply the next tick's work. */
    @Component
    static class NextRound extends NextTick {
        NextRound() {
            super(ID, "Legacy hand-overs");
        }
    }

    @Override
    public void configure() {
        from("timer:legacy-handover?delay=1000&period=" + properties.handoverInterval().toMillis())
                .routeId(ID).routeConfigurationId(ID)
                .process(exchange -> meters.counter("hub.orders.legacy.forwarded").increment(handover.forwardDue(properties.handoverBatch())));
    }
}
