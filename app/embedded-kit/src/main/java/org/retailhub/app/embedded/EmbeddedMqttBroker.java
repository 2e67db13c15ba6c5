package org.retailhub.app.embedded;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

    /** Free ports tried before the start fails: another process may take one between choosing and binding it. */
    private static final int FREE_PORT_ATTEMPTS = 5;

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
        int configured = environment.getProperty("hub.rfid.embedded-broker.port", Integer.class, 0);
        int port = configured;
        Server broker = null;
        for (int attempt = 1; broker == null; attempt++) {
            try {
                port = configured != 0 ? configured : freeLoopbackPort();
                broker = start(port);
            } catch (RuntimeException | IOException taken) {
                if (configured != 0 || attempt == FREE_PORT_ATTEMPTS) {
                    throw new IllegalStateException("the embedded MQTT broker did not start on 127.0.0.1:" + port
                            + (configured != 0 ? " (hub.rfid.embedded-broker.port): is another broker listening there?" : ""), taken);
                }
            }
        }
        String url = "tcp://127.0.0.1:" + port;
        environment.getPropertySources().addFirst(new MapPropertySource("hub-embedded-mqtt", Map.of("hub.rfid.intake.broker-url", url)));
        log.info("Embedded MQTT broker for RFID readers at " + url);
        Runnable stop = broker::stopServer;
        application.addInitializers(context -> ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("hubEmbeddedMqttBroker", stop::run));
        EmbeddedStartFailure.stopIfTheStartFails(application, stop);
    }

    private static Server start(int port) throws IOException {
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
            return broker;
        } catch (RuntimeException | IOException e) {
            try {
                broker.stopServer(); // the acceptor's threads of a bind that failed
            } catch (RuntimeException halfStarted) {
                e.addSuppressed(halfStarted);
            }
            throw e;
        }
    }

    /**
     * A port nobody listens on now. Moquette is given a concrete port instead of 0 because it learns the port it bound
     * on its acceptor's thread and records it in a plain map that {@code Server.getPort()} writes to as well (a
     * {@code computeIfAbsent} with 0): a read that raced the acceptor's write could lose that write, and the broker
     * then listened on a port the hub never learnt. Another process may take the port between here and the bind; the
     * caller then tries another one.
     */
    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
