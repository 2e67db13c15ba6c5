package org.retailhub.routes.insight;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.retailhub.routes.order.ChannelDeadLetters;
import org.retailhub.routes.redelivery.Refusals;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Error handling of the Kafka beacon, declared once: an event refused while it was read or taken goes unchanged to
 * the beacon's dead-letter topic with the reason (headers named like the channel intake's), and the partition goes
 * on; anything else (database or broker down) is tried again in place. Metric {@code hub.behaviour.deadlettered}.
 */
@Component
@ConditionalOnProperty(name = "hub.insight.beacon.enabled", matchIfMissing = true)
public class BehaviourDeadLetters extends RouteConfigurationBuilder {

    public static final String ID = "behaviour-beacon";

    private final BeaconProperties properties;
    private final MeterRegistry meters;

    public BehaviourDeadLetters(BeaconProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void configuration() {
        Refusals.of(routeConfiguration(ID).errorHandler(properties.retry().errorHandler()))
                .handled(true)
                .useOriginalMessage()
                .process(this::describeRejection)
                .to(deadLetters());
    }

    private void describeRejection(Exchange exchange) {
        String reason = Refusals.reason(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        String source = exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class);
        exchange.getMessage().setHeader(ChannelDeadLetters.REASON_HEADER, reason);
        exchange.getMessage().setHeader(ChannelDeadLetters.SOURCE_HEADER, source);
        meters.counter("hub.behaviour.deadlettered").increment();
        log.warn("Behaviour event from {} sent to {}: {}", source, properties.deadLetterTopic(), reason);
    }

    private KafkaEndpoint deadLetters() {
        KafkaEndpoint endpoint = getContext().getEndpoint("kafka:" + properties.deadLetterTopic(), KafkaEndpoint.class);
        endpoint.getConfiguration().setValueSerializer(ByteArraySerializer.class.getName());
        return endpoint;
    }
}
