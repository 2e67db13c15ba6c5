package org.retailhub.routes.order;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.retailhub.domain.order.GiftCardToken;
import org.retailhub.domain.shared.RefusedInputException;
import org.retailhub.routes.redelivery.Refusals;
import org.springframework.stereotype.Component;

/**
 * Error handling of every channel intake route, declared once: a message refused while it was read, by the
 * acceptance's checks ({@link RefusedInputException}) or by the hub's database ({@link Refusals}) goes to the
 * dead-letter topic with the reason, unchanged but for card numbers, masked to their last four digits, and the
 * partition goes on; anything else (database or CRM down) is tried again in place with a growing pause, then the
 * consumer polls the same offset again.
 * Metric {@code hub.orders.deadlettered} (per source topic).
 */
@Component
public class ChannelDeadLetters extends RouteConfigurationBuilder {

    public static final String ID = "channel-intake";
    public static final String REASON_HEADER = "dlq-reason";
    public static final String SOURCE_HEADER = "dlq-source-topic";

    private final IntakeProperties properties;
    private final ChannelEndpoints endpoints;
    private final MeterRegistry meters;

    public ChannelDeadLetters(IntakeProperties properties, ChannelEndpoints endpoints, MeterRegistry meters) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.meters = meters;
    }

    @Override
    public void configuration() {
        Refusals.of(routeConfiguration(ID).errorHandler(properties.retry().errorHandler()))
                    .handled(true)
                    .useOriginalMessage()
                    .process(this::describeRejection)
                    .to(endpoints.deadLetters(getContext()));
    }

    private void describeRejection(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String source = exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class);
        String reason = GiftCardToken.maskNumbers(Refusals.reason(cause));
        exchange.getMessage().setHeader(REASON_HEADER, reason);
        exchange.getMessage().setBody(withoutCardNumbers(exchange.getMessage().getBody(byte[].class)));
        exchange.getMessage().setHeader(SOURCE_HEADER, source);
        meters.counter("hub.orders.deadlettered", "topic", source == null ? "unknown" : source).increment();
        log.warn("Order message from {} sent to {}: {}", source, properties.deadLetterTopic(), reason);
    }

    /** The message as it came, or its text with card numbers masked if it holds any (bytes of other encodings stay untouched). */
    private static byte[] withoutCardNumbers(byte[] message) {
        if (message == null) {
            return null;
        }
        String text = new String(message, StandardCharsets.UTF_8);
        String masked = GiftCardToken.maskNumbers(text);
        return masked.equals(text) ? message : masked.getBytes(StandardCharsets.UTF_8);
    }
}
