package org.retailhub.security.pii;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's {@code %m}/{@code %msg}, with personal data masked (registered in the app's {@code logback-spring.xml}). */
public class MaskedMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PiiMasking.mask(super.convert(event));
    }
}
