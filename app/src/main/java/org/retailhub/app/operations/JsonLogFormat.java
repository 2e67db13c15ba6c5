package org.retailhub.app.operations;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import org.retailhub.security.pii.PiiMasking;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * One JSON object per log line (Spring Boot's structured logging, profile {@code json-logs}, see logback-spring.xml):
 * time, level, logger, thread, the message and the stack trace with personal data masked as in the text logs, and the
 * MDC, among it {@code businessKey} (the order id for the order's models) while a process step runs
 * ({@code ProcessMeters}). Spring Boot's own formats (ecs, logstash) would write the message unmasked.
 */
public class JsonLogFormat implements StructuredLogFormatter<ILoggingEvent> {

    private final ThrowableProxyConverter stackTrace = new ThrowableProxyConverter();
    private final JsonWriter<ILoggingEvent> writer = JsonWriter.<ILoggingEvent>of(members -> {
        members.add("@timestamp", (ILoggingEvent event) -> Instant.ofEpochMilli(event.getTimeStamp()).toString());
        members.add("level", (ILoggingEvent event) -> event.getLevel().toString());
        members.add("logger", ILoggingEvent::getLoggerName);
        members.add("thread", ILoggingEvent::getThreadName);
        members.add("message", (ILoggingEvent event) -> PiiMasking.mask(event.getFormattedMessage()));
        members.add("mdc", ILoggingEvent::getMDCPropertyMap).whenNotEmpty();
        members.add("error", (ILoggingEvent event) -> event.getThrowableProxy() == null ? null
                : PiiMasking.mask(stackTrace.convert(event))).whenNotNull();
    }).withNewLineAtEnd();

    public JsonLogFormat() {
        stackTrace.start();
    }

    @Override
    public String format(ILoggingEvent event) {
        return writer.writeToString(event);
    }
}
