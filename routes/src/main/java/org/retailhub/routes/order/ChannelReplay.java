package org.retailhub.routes.order;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.retailhub.domain.deadletter.DeadLetterRefusedException;
import org.retailhub.domain.deadletter.DeadLetterReplay;
import org.retailhub.domain.deadletter.DeadLetterSource;
import org.springframework.stereotype.Component;

/**
 * A channel dead letter replayed: the original message, with its key, back onto the channel topic it came from, where
 * the intake reads it like any other (an order accepted before is recognised by its channel and external id).
 */
@Component
public class ChannelReplay implements DeadLetterReplay {

    private final IntakeProperties properties;
    private final ChannelEndpoints endpoints;
    private final CamelContext camel;
    private final ProducerTemplate producer;

    public ChannelReplay(IntakeProperties properties, ChannelEndpoints endpoints, CamelContext camel, ProducerTemplate producer) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.camel = camel;
        this.producer = producer;
    }

    @Override
    public DeadLetterSource source() {
        return DeadLetterSource.CHANNEL;
    }

    @Override
    public String replay(String origin, String key, byte[] message) {
        if (!properties.channelTopics().containsValue(origin)) {
            throw new DeadLetterRefusedException(DeadLetterRefusedException.Kind.NOT_REPLAYABLE,
                    "the letter came from '" + origin + "', which is no channel topic of this hub");
        }
        Exchange sent = producer.send(endpoints.channelWriter(camel, origin), exchange -> {
            exchange.getMessage().setBody(message);
            if (key != null) {
                exchange.getMessage().setHeader(KafkaConstants.KEY, key);
            }
        });
        if (sent.getException() != null) {
            throw new IllegalStateException("the broker did not take the replayed message", sent.getException());
        }
        return "sent back onto " + origin;
    }
}
