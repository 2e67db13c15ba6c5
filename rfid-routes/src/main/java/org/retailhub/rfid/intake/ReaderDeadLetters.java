package org.retailhub.rfid.intake;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.DefaultErrorHandlerBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.paho.PahoConstants;
import org.retailhub.rfid.reads.RefusedReadException;
import org.springframework.stereotype.Component;

/**
 * Error handling of every reader route, declared once: a message that is no reader JSON ({@link RefusedReadException})
 * goes to the dead-letter topic as it came, with the reason and its MQTT topic, and the stream goes on; anything else
 * (the database down) is tried again in place with a growing pause ({@link ReaderIntakeProperties#retry()}), by
 * default until it succeeds, while the broker holds the messages behind it. Tag records refused inside a good message
 * take the same way ({@link #ENDPOINT}). Metric {@code hub.rfid.deadlettered} (tag {@code reason}).
 */
@Component
public class ReaderDeadLetters extends RouteConfigurationBuilder {

    public static final String ID = "rfid-readers";
    /** Where a dead letter is sent: body the original bytes, headers {@link #REASON_HEADER} and {@link #SOURCE_HEADER}. */
    public static final String ENDPOINT = "direct:rfid-dead-letters";
    public static final String ROUTE = "rfid-dead-letters";
    public static final String REASON_HEADER = "dlq-reason";
    public static final String SOURCE_HEADER = "dlq-source-topic";

    private final ReaderIntakeProperties properties;
    private final MeterRegistry meters;

    public ReaderDeadLetters(ReaderIntakeProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID).errorHandler(retry())
                .onException(RefusedReadException.class).maximumRedeliveries(0)
                .handled(true)
                .useOriginalMessage()
                .process(this::describe)
                .to(ENDPOINT);
    }

    /** The dead letters' own route, to the Kafka topic; configured here so the family's plumbing is in one place. */
    public String deadLetterTopicUri() {
        return "kafka:" + properties.deadLetterTopic() + "?valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer";
    }

    private void describe(Exchange exchange) {
        RefusedReadException refused = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RefusedReadException.class);
        exchange.getMessage().setHeader(REASON_HEADER, refused.getMessage());
        exchange.getMessage().setHeader(SOURCE_HEADER, exchange.getMessage().getHeader(PahoConstants.MQTT_TOPIC, String.class));
        exchange.getMessage().setHeader(KafkaConstants.KEY, refused.reader() == null ? "unknown" : refused.reader());
        meters.counter("hub.rfid.deadlettered", "reason", refused.problem().slug()).increment();
        log.warn("Reader message on {} sent to {}: {}", exchange.getMessage().getHeader(SOURCE_HEADER), properties.deadLetterTopic(), refused.getMessage());
    }

    private DefaultErrorHandlerBuilder retry() {
        DefaultErrorHandlerBuilder handler = new DefaultErrorHandlerBuilder();
        handler.maximumRedeliveries(properties.retry().redeliveries())
                .redeliveryDelay(properties.retry().delay().toMillis())
                .useExponentialBackOff()
                .maximumRedeliveryDelay(properties.retry().maxDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .allowRedeliveryWhileStopping(false);
        return handler;
    }
}
