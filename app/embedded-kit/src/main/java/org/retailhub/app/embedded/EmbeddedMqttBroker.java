package org.retailhub.app.embedded;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default's MQTT broker for the store readers: Moquette (MQTT 3.1.1) in this JVM, on loopback,
 * anonymous, without persistence, started before the context so the reader routes find it, and pointed at by
 * {@code hub.rfid.intake.broker-url}. Port {@code hub.rfid.embedded-broker.port} (0, the default: any free port, named
 * in the log); set 1883 to let real readers or {@code mosquitto_pub} in. Off with the embedded servers
 * ({@code hub.embedded.enabled=false}) or {@code hub.rfid.embedded-broker.enabled=false}: then any MQTT broker by
 * {@code hub.rfid.intake.broker-url}.
 */
public class EmbeddedMqttBroker implements EnvironmentPostProcessor {

    private final Log log;

    public EmbeddedMqttBroker(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedMqttBroker.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean wanted = environment.getProperty("hub.embedded.enabled", Boolean.class, true)
                && environment.getProperty("hub.rfid.embedded-broker.enabled", Boolean.class, true)
                && environment.getProperty("hub.rfid.intake.enabled", Boolean.class, true);
        if (!wanted || environment.getPropertySources().contains("hub-embedded-mqtt")) {
            return;
        }
        int port = environment.getProperty("hub.rfid.embedded-broker.port", Integer.class, 0);
        Server broker = new Server();
        Properties config = new Properties();
        config.setProperty(BrokerConstants.HOST_PROPERTY_NAME, "127.0.0.1");
        config.setProperty(BrokerConstants.PORT_PROPERTY_NAME, String.valueOf(port));
        config.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        config.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        config.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        config.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        // a reader's batch of 50 tag events is ~10 KB, past Moquette's 8 KB default
        config.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, String.valueOf(1 << 20));
        try {
            broker.startServer(config);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded MQTT broker did not start on port " + port, e);
        }
        String url = "tcp://127.0.0.1:" + boundPort(broker, port);
        environment.getPropertySources().addFirst(new MapPropertySource("hub-embedded-mqtt", Map.of("hub.rfid.intake.broker-url", url)));
        log.info("Embedded MQTT broker for RFID readers at " + url);
        Runnable stop = broker::stopServer;
        application.addInitializers(context -> ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("hubEmbeddedMqttBroker", stop::run));
        EmbeddedStartFailure.stopIfTheStartFails(application, stop);
    }

    /** The port the broker listens on: Moquette names a free port (0) only once its acceptor has bound it. */
    private static int boundPort(Server broker, int configured) {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (configured == 0 && port(broker) == 0) {
            if (System.nanoTime() > giveUp) {
                broker.stopServer();
                throw new IllegalStateException("the embedded MQTT broker did not bind a port within 30 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(10));
        }
        return configured == 0 ? port(broker) : configured;
    }

    /**
     * Moquette's acceptor records its bound ports in a plain map on its own thread while this one reads it: a read
     * that meets the write fails with ConcurrentModificationException, which only means "ask again".
     */
    private static int port(Server broker) {
        try {
            return broker.getPort();
        } catch (java.util.ConcurrentModificationException racedTheAcceptor) {
            return 0;
        }
    }
}
