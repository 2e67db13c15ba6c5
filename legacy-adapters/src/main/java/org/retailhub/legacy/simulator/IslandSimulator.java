package org.retailhub.legacy.simulator;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps a legacy island busy the way its users do (tills selling, ERP clerks receiving goods, CRM agents editing
 * customers): one write every {@code pause}, straight into the island's own database, on a daemon thread.
 */
public final class IslandSimulator implements AutoCloseable {

    private static final System.Logger log = System.getLogger(IslandSimulator.class.getName());

    private final ScheduledExecutorService writer;

    private IslandSimulator(String name, Duration pause, Consumer<Random> activity) {
        Random random = new Random(name.hashCode());
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(() -> {
            try {
                activity.accept(random);
            } catch (RuntimeException e) {
                log.log(System.Logger.Level.WARNING, name + " could not write: " + e.getMessage());
            }
        }, pause.toMillis(), pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static IslandSimulator start(String name, Duration pause, Consumer<Random> activity) {
        return new IslandSimulator(name, pause, activity);
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
