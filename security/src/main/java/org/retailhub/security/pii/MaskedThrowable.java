package org.retailhub.security.pii;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Spring Boot's {@code %wEx} (stack traces), with personal data in exception messages masked (the frame lines are
 * left as they are: they name code, not people). */
public class MaskedThrowable extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return PiiMasking.maskStackTrace(super.throwableProxyToString(tp));
    }
}
