package org.retailhub.app.embedded;

import java.time.Duration;
import java.util.Collections;
import java.util.Deque;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.boot.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the embedded servers of a start that failed, whenever it failed. A listener added to the application while
 * its environment is prepared hears of a failure only once a context exists: when a later step of the environment
 * failed (the MQTT broker after PostgreSQL and Kafka, say), the servers already started kept running with nobody to
 * stop them, and a test that then deleted their folders made the orphaned Kafka broker halt the JVM. A run listener
 * is told of every failure. It is told before Spring Boot closes the failed context, so it closes the context first:
 * clients that run in it (the insight stream's threads) stop while the broker they talk to still runs, instead of
 * reconnecting to a stopped broker for as long as the JVM lives.
 */
public class EmbeddedStartFailure implements SpringApplicationRunListener {

    private static final Map<SpringApplication, Deque<Runnable>> STARTED = Collections.synchronizedMap(new WeakHashMap<>());

    private final SpringApplication application;

    public EmbeddedStartFailure(SpringApplication application, String[] args) {
        this.application = application;
    }

    /** {@code stop} runs if this start fails (the last started is stopped first); a context that starts stops them itself. */
    static void stopIfTheStartFails(SpringApplication application, Runnable stop) {
        STARTED.computeIfAbsent(application, started -> new ConcurrentLinkedDeque<>()).push(stop);
    }

    @Override
    public void starting(ConfigurableBootstrapContext bootstrapContext) {
        STARTED.remove(application);
    }

    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        Deque<Runnable> stops = STARTED.remove(application);
        if (context != null && context.isActive()) {
            context.close();
        }
        if (stops != null) {
            stops.forEach(Runnable::run);
        }
    }

    @Override
    public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
        STARTED.remove(application);
    }
}
