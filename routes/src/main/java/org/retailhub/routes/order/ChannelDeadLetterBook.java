package org.retailhub.routes.order;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.retailhub.domain.deadletter.DeadLetterDesk;
import org.springframework.stereotype.Component;

/**
 * Copies every message of the intake's dead-letter topic to the dead-letter desk ({@code hub.channel_dead_letter}), where
 * operators list, replay or discard it. A copy is kept once per partition and offset, so a message read again after a
 * restart is not a second letter; while the database is down the message is tried again, then polled again.
 */
@Component
public class ChannelDeadLetterBook extends RouteBuilder {

    public static final String ROUTE = "channel-dead-letter-book";

    private final IntakeProperties properties;
    private final ChannelEndpoints endpoints;
    private final DeadLetterDesk desk;

    public ChannelDeadLetterBook(IntakeProperties properties, ChannelEndpoints endpoints, DeadLetterDesk desk) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.desk = desk;
    }

    @Override
    public void configure() {
        from(endpoints.deadLetterReader(getContext()))
                .routeId(ROUTE)
                .errorHandler(properties.retry().errorHandler())
                .process(exchange -> {
                    var message = exchange.getMessage();
                    desk.record(message.getHeader(ChannelDeadLetters.SOURCE_HEADER, String.class),
                            message.getHeader(KafkaConstants.KEY, String.class),
                            message.getHeader(KafkaConstants.PARTITION, Integer.class),
                            message.getHeader(KafkaConstants.OFFSET, Long.class),
                            message.getHeader(ChannelDeadLetters.REASON_HEADER, String.class),
                            message.getBody(byte[].class));
                });
    }
}
