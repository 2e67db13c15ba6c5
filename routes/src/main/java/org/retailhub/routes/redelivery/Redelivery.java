package org.retailhub.routes.redelivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.DefaultErrorHandlerBuilder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a route family tries a step again in place when it failed for a reason other than its input (a database or
 * island down), before the source takes over: a Kafka consumer polls the same offset again, a file stays in its inbox
 * for the next poll. A refused input is never redelivered.
 *
 * @param redeliveries attempts after the first; -1: until the step succeeds or the hub stops
 * @param delay        pause before the first redelivery; doubled each time
 * @param maxDelay     the longest pause between two redeliveries
 */
public record Redelivery(@Min(-1) @Max(100) @DefaultValue("4") int redeliveries,
                         @NotNull @DefaultValue("500ms") Duration delay,
                         @NotNull @DefaultValue("10s") Duration maxDelay) {

    /** Camel's default error handler with this policy; each retry is logged at WARN, a stop does not wait for the next one. */
    public DefaultErrorHandlerBuilder errorHandler() {
        DefaultErrorHandlerBuilder handler = new DefaultErrorHandlerBuilder();
        handler.maximumRedeliveries(redeliveries)
                .redeliveryDelay(delay.toMillis())
                .useExponentialBackOff()
                .maximumRedeliveryDelay(maxDelay.toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .allowRedeliveryWhileStopping(false);
        return handler;
    }
}
