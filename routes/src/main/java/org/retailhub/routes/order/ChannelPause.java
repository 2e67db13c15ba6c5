package org.retailhub.routes.order;

import java.util.List;
import java.util.Objects;
import org.apache.camel.Consumer;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.stereotype.Component;

/**
 * Back-pressure on the channel topics: a timer reads the backlog ({@link IntakeGate#refresh}) and, when the gate
 * closes, suspends the consumers of the intake routes; when it opens, resumes them. A suspended Kafka consumer of
 * Camel finishes the records of its current poll, then pauses its partitions and keeps polling (so it stays in its
 * group) without fetching; on resume it seeks to the committed offsets. Nothing is skipped, and a record read twice
 * is answered as a repeat by the acceptance (one order per channel and id).
 */
@Component
public class ChannelPause extends RouteBuilder {

    static final String ROUTE_ID = "intake-backlog";

    private final IntakeProperties properties;
    private final IntakeGate gate;
    private boolean paused;

    public ChannelPause(IntakeProperties properties, IntakeGate gate) {
        this.properties = properties;
        this.gate = gate;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?period=" + gate.refreshInterval().toMillis())
                .routeId(ROUTE_ID)
                .process(exchange -> watch());
    }

    /** One round: read the backlog, pause or resume the channel consumers when the gate changed. */
    synchronized void watch() {
        boolean closed = gate.refresh();
        if (closed == paused) {
            return;
        }
        for (Consumer consumer : channelConsumers()) {
            if (closed) {
                ServiceHelper.suspendService(consumer);
            } else {
                ServiceHelper.resumeService(consumer);
            }
        }
        paused = closed;
    }

    private List<Consumer> channelConsumers() {
        return properties.channelTopics().keySet().stream()
                .map(channel -> getContext().getRoute(ChannelOrderRoutes.routeId(channel)))
                .filter(Objects::nonNull)
                .map(Route::getConsumer)
                .toList();
    }
}
