package org.retailhub.rfid.intake;

import java.time.Instant;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.paho.PahoConstants;
import org.retailhub.rfid.reads.ReaderFormat;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Reader events over MQTT: one route per format subscribes to its readers' topics ({@code rfid/zebra/+},
 * {@code rfid/impinj/+}) on the configured broker (MQTT 3.1.1, which MQTT 5 brokers take too) and hands each message to the intake ({@link ReaderIntake}); a tick
 * moves the smoothing on by the hub's clock; dead letters go to their topic. Error handling: {@link ReaderDeadLetters}.
 */
@Component
@ConditionalOnProperty(name = "hub.rfid.intake.enabled", havingValue = "true", matchIfMissing = true)
public class ReaderRoutes extends RouteBuilder {

    private final ReaderIntakeProperties properties;
    private final ReaderIntake intake;
    private final TagObservations observations;
    private final ReaderDeadLetters deadLetters;

    public ReaderRoutes(ReaderIntakeProperties properties, ReaderIntake intake, TagObservations observations, ReaderDeadLetters deadLetters) {
        this.properties = properties;
        this.intake = intake;
        this.observations = observations;
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        for (ReaderFormat format : ReaderFormat.values()) {
            from(mqtt(format)).routeId(routeId(format))
                    // under leadership, ReaderIntakeLeadership starts and stops them on the instance that leads
                    .autoStartup(!properties.leadership().enabled())
                    .routeConfigurationId(ReaderDeadLetters.ID)
                    .process(exchange -> intake.take(format, exchange.getMessage().getHeader(PahoConstants.MQTT_TOPIC, String.class),
                            exchange.getMessage().getBody(byte[].class)));
        }
        from("timer:rfid-tick?delay=1000&period=" + properties.tick().toMillis()).routeId("rfid-tick")
                .routeConfigurationId(ReaderDeadLetters.ID)
                .process(exchange -> observations.tick(Instant.now()));
        from(ReaderDeadLetters.ENDPOINT).routeId(ReaderDeadLetters.ROUTE)
                .to(deadLetters.deadLetterTopicUri());
    }

    /** The route that subscribes to a format's readers. */
    static String routeId(ReaderFormat format) {
        return "rfid-" + format.slug();
    }

    /** The broker keeps the hub's session (clean session off), so readers' messages wait for it while the hub is away. */
    private String mqtt(ReaderFormat format) {
        StringBuilder uri = new StringBuilder("paho:").append(properties.topicFilter(format))
                .append("?brokerUrl=").append(properties.brokerUrl())
                .append("&clientId=").append(properties.clientId()).append('-').append(format.slug())
                .append("&qos=").append(properties.qos())
                .append("&persistence=MEMORY&cleanSession=false&automaticReconnect=true");
        if (!properties.username().isBlank()) {
            uri.append("&userName=").append(properties.username()).append("&password=RAW(").append(properties.password()).append(')');
        }
        return uri.toString();
    }
}
