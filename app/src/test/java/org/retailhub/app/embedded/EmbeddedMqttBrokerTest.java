package org.retailhub.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded MQTT broker tells the reader routes a port it really listens on, or fails the start saying why. */
class EmbeddedMqttBrokerTest {

    private final List<GenericApplicationContext> started = new ArrayList<>();

    @AfterEach
    void stopTheBrokers() {
        started.forEach(GenericApplicationContext::close);
    }

    /** A CI run waited 30 s for a port Moquette had bound but never reported: every start must name a listening port. */
    @Test
    void everyStartOnAnyFreePortNamesAPortThatAcceptsConnections() throws IOException {
        for (int i = 0; i < 5; i++) {
            URI broker = URI.create(start(Map.of()).getProperty("hub.rfid.intake.broker-url"));
            assertThat(broker.getHost()).isEqualTo("127.0.0.1");
            try (Socket reader = new Socket(broker.getHost(), broker.getPort())) {
                assertThat(reader.isConnected()).isTrue();
            }
        }
    }

    @Test
    void aConfiguredPortThatIsTakenFailsTheStartNamingThePort() throws IOException {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> start(Map.of("hub.rfid.embedded-broker.port", other.getLocalPort())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + other.getLocalPort())
                    .hasMessageContaining("hub.rfid.embedded-broker.port");
        }
    }

    private StandardEnvironment start(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        SpringApplication application = new SpringApplication(EmbeddedMqttBrokerTest.class);
        application.setInitializers(List.of()); // only the broker's: it registers its stop with the context
        new EmbeddedMqttBroker(destination -> destination.get()).postProcessEnvironment(environment, application);
        GenericApplicationContext context = new GenericApplicationContext();
        for (ApplicationContextInitializer<?> initializer : application.getInitializers()) {
            initialize(initializer, context);
        }
        context.refresh();
        started.add(context);
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static void initialize(ApplicationContextInitializer<?> initializer, GenericApplicationContext context) {
        ((ApplicationContextInitializer<ConfigurableApplicationContext>) initializer).initialize(context);
    }
}
