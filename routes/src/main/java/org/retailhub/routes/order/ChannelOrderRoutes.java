package org.retailhub.routes.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.order.InvalidOrderException;
import org.retailhub.domain.order.OrderRequest;
import org.retailhub.domain.order.GiftCardToken;
import org.retailhub.legacy.pos.PosSaleFormat;
import org.springframework.stereotype.Component;

/**
 * Channel intake from Kafka: one route per channel topic parses that channel's format into the canonical
 * order and submits it. A message that cannot become an order goes to the dead-letter topic with the reason,
 * unchanged but for card numbers, masked to their last four digits; any other failure (database or CRM down) is
 * retried from the same offset, so nothing is dropped.
 */
@Component
public class ChannelOrderRoutes extends RouteBuilder {

    public static final String REASON_HEADER = "dlq-reason";
    public static final String SOURCE_HEADER = "dlq-source-topic";

    private final IntakeProperties topics;
    private final OrderIntake intake;
    private final WebOrderFormat webFormat;
    private final MeterRegistry meters;

    public ChannelOrderRoutes(IntakeProperties topics, OrderIntake intake, ObjectMapper json, MeterRegistry meters) {
        this.topics = topics;
        this.intake = intake;
        this.webFormat = new WebOrderFormat(json);
        this.meters = meters;
    }

    @Override
    public void configure() {
        onException(InvalidOrderException.class)
                .handled(true)
                .useOriginalMessage()
                .process(this::describeRejection)
                .to("kafka:" + topics.deadLetterTopic() + "?valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer");

        intake(topics.webTopic(), Channel.WEB, body -> webFormat.parse(body, Channel.WEB));
        intake(topics.appTopic(), Channel.APP, body -> webFormat.parse(body, Channel.APP));
        intake(topics.marketplaceTopic(), Channel.MARKETPLACE, body -> webFormat.parse(body, Channel.MARKETPLACE));
        intake(topics.posTopic(), Channel.POS, PosSaleFormat::parse);
    }

    private void intake(String topic, Channel channel, Function<byte[], OrderRequest> format) {
        from("kafka:" + topic + "?groupId=" + topics.consumerGroup()
                + "&consumersCount=" + topics.consumersPerTopic()
                + "&autoOffsetReset=earliest&breakOnFirstError=true&pollTimeoutMs=500"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .routeId("intake-" + channel.name().toLowerCase())
                .process(exchange -> intake.submit(format.apply(exchange.getMessage().getBody(byte[].class))));
    }

    private void describeRejection(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String source = exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class);
        String reason = cause == null ? "unknown" : GiftCardToken.maskNumbers(cause.getMessage());
        exchange.getMessage().setHeader(REASON_HEADER, reason);
        exchange.getMessage().setBody(withoutCardNumbers(exchange.getMessage().getBody(byte[].class)));
        exchange.getMessage().setHeader(SOURCE_HEADER, source);
        meters.counter("hub.orders.deadlettered", "topic", source == null ? "unknown" : source).increment();
        log.warn("Order message from {} sent to {}: {}", source, topics.deadLetterTopic(), reason);
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
