package org.retailhub.rfid.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.retailhub.domain.cluster.LeaderLock;
import org.retailhub.rfid.reads.ReaderFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * With several hub instances, one subscribes to the store readers: the one holding the {@code rfid-intake}
 * {@link LeaderLock}. Every {@code hub.rfid.intake.leadership.check} each instance tries to take the lead; the leader
 * starts the reader routes ({@link ReaderRoutes}, which then do not start by themselves), an instance that lost the lead
 * (its database session ended) stops them. The readers keep one MQTT session with the broker (the shared client id,
 * clean session off), so what they publish while the lead moves waits in the broker for the next leader, and presence is
 * smoothed in one place. Metric: {@code hub.rfid.intake.leading} (1 on the leader).
 */
@Component
@ConditionalOnProperty(name = {"hub.rfid.intake.enabled", "hub.rfid.intake.leadership.enabled"}, havingValue = "true", matchIfMissing = true)
public class ReaderIntakeLeadership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReaderIntakeLeadership.class);

    private final ReaderIntakeProperties properties;
    private final CamelContext camel;
    private final LeaderLock lock;
    private ScheduledExecutorService checks;
    private volatile boolean leading;

    /**
     * {@code camel} is lazy: a lifecycle bean that depends on the Camel context makes Spring start that context before
     * the application context is refreshed, and Camel then collects no routes at all (none of the hub's routes ran).
     */
    public ReaderIntakeLeadership(ReaderIntakeProperties properties, @Lazy CamelContext camel, LeaderLock rfidIntakeLock, MeterRegistry meters) {
        this.properties = properties;
        this.camel = camel;
        this.lock = rfidIntakeLock;
        Gauge.builder("hub.rfid.intake.leading", () -> leading ? 1 : 0)
                .description("1 on the hub instance that subscribes to the store readers, 0 on the others").register(meters);
    }

    /** Takes or keeps the lead and runs the reader routes accordingly; on every instance, every check interval. */
    public synchronized void check() {
        if (!camel.getStatus().isStarted()) {
            return;
        }
        boolean leads = lock.tryLead();
        if (leads != leading) {
            log.info(leads ? "RFID intake: this instance leads, subscribing to the readers"
                    : "RFID intake: the lead is lost (database session ended), unsubscribing");
        }
        leading = leads;
        for (ReaderFormat format : ReaderFormat.values()) {
            String route = ReaderRoutes.routeId(format);
            ServiceStatus status = camel.getRouteController().getRouteStatus(route);
            try {
                if (leads && status != null && status.isStartable()) {
                    camel.getRouteController().startRoute(route);
                } else if (!leads && status != null && status.isStarted()) {
                    camel.getRouteController().stopRoute(route, 5, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                log.warn("RFID intake: route {} could not be {}: {}", route, leads ? "started (tried again at the next check)" : "stopped",
                        e.getMessage());
            }
        }
    }

    public boolean leading() {
        return leading;
    }

    @Override
    public synchronized void start() {
        long every = properties.leadership().check().toMillis();
        checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rfid-intake-leadership");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::checkQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("RFID intake: leadership check failed: {}", e.getMessage());
        }
    }

    /** Gives the lead up on a graceful stop, so another instance takes it at its next check. */
    @Override
    public synchronized void stop() {
        if (checks != null) {
            checks.shutdownNow();
            checks = null;
        }
        lock.close();
        leading = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return checks != null;
    }
}
