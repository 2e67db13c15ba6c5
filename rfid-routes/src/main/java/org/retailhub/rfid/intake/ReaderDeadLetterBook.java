package org.retailhub.rfid.intake;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.retailhub.domain.deadletter.DeadLetterDesk;
import org.retailhub.domain.deadletter.DeadLetterSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Copies every message of the readers' dead-letter topic to the dead-letter desk ({@code hub.rfid_dead_letter}), where
 * operators list, replay or discard it beside every other source's letters; the topic alone keeps them only for its
 * retention. A copy is kept once per partition and offset, so a message read again after a restart is not a second
 * letter; while the database is down the message is tried again in place ({@link ReaderDeadLetters}' retry).
 */
@Component
@ConditionalOnProperty(name = "hub.rfid.intake.enabled", havingValue = "true", matchIfMissing = true)
public class ReaderDeadLetterBook extends RouteBuilder {

    public static final String ROUTE = "rfid-dead-letter-book";
    private static final String GROUP = "hub-rfid-dead-letter-desk";

    private final ReaderIntakeProperties properties;
    private final DeadLetterDesk desk;

    public ReaderDeadLetterBook(ReaderIntakeProperties properties, DeadLetterDesk desk) {
        this.properties = properties;
        this.desk = desk;
    }

    @Override
    public void configure() {
        from("kafka:" + properties.deadLetterTopic() + "?groupId=" + GROUP + "&clientId=" + GROUP + "&autoOffsetReset=earliest"
                + "&breakOnFirstError=true&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .routeId(ROUTE)
                .routeConfigurationId(ReaderDeadLetters.ID)
                .process(exchange -> {
                    var message = exchange.getMessage();
                    desk.record(DeadLetterSource.RFID, message.getHeader(ReaderDeadLetters.SOURCE_HEADER, String.class),
                            message.getHeader(KafkaConstants.KEY, String.class),
                            message.getHeader(KafkaConstants.PARTITION, Integer.class),
                            message.getHeader(KafkaConstants.OFFSET, Long.class),
                            message.getHeader(ReaderDeadLetters.REASON_HEADER, String.class),
                            message.getBody(byte[].class));
                });
    }
}
