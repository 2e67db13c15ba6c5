package org.retailhub.connectors.cdc;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.IslandChanges;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * The capture engines of all islands. Every {@code leaderRetry} each engine not running here tries its leader lock,
 * so with two hub instances each island is captured by exactly one, and the other takes over when it stops.
 */
public class CdcEngines implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

    private final List<IslandCapture> captures;
    private final CdcProperties properties;
    private ScheduledExecutorService leadership;

    public CdcEngines(List<CapturedDatabase> databases, CdcProperties properties, String hubUrl, String hubUser,
                      String hubPassword, IslandChanges receiver) {
        IslandCapture.HubConnection login = new IslandCapture.HubConnection(hubUrl, hubUser, hubPassword);
        this.captures = databases.stream().map(d -> new IslandCapture(d, properties, login, receiver)).toList();
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (leadership != null) {
            return;
        }
        leadership = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cdc-leadership");
            t.setDaemon(true);
            return t;
        });
        leadership.scheduleWithFixedDelay(() -> captures.forEach(IslandCapture::lead), 0,
                properties.leaderRetry().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (leadership != null) {
            leadership.shutdownNow();
            try {
                leadership.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            leadership = null;
        }
        captures.forEach(IslandCapture::shutdown);
    }

    @Override
    public synchronized boolean isRunning() {
        return leadership != null;
    }

    /**
     * Not with the other lifecycle beans: Camel starts its routes only after them, and an engine that captures before
     * the apply route runs fails its first batch. The engines start once the application is ready (see below).
     */
    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        if (properties.enabled() && properties.autoStart()) {
            start();
        }
    }

    /** The islands whose changes this instance could capture, and whether it captures each right now (holds its leader lock). */
    public Map<Island, Boolean> capturing() {
        Map<Island, Boolean> capturing = new EnumMap<>(Island.class);
        captures.forEach(c -> capturing.put(c.island(), c.running()));
        return capturing;
    }

    /** How many islands this instance captures right now. */
    public long leading() {
        return captures.stream().filter(IslandCapture::running).count();
    }

    @Override
    public int getPhase() {
        // stop before the routes and the pool: the last batch finishes and its offsets are stored
        return Integer.MAX_VALUE - 100;
    }
}
