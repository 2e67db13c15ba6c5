package org.retailhub.processes.payment;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The stand-in that answers payment requests until the payment process exists.
 *
 * @param enabled     answer payment requests at all (off: orders wait until the payment timeout)
 * @param outcome     what every request gets
 * @param delay       how long after the request the outcome arrives
 */
@Validated
@ConfigurationProperties("hub.payment.stand-in")
public record PaymentStandInProperties(@DefaultValue("true") boolean enabled,
                                       @NotNull @DefaultValue("APPROVE") Outcome outcome,
                                       @NotNull @DefaultValue("PT1S") Duration delay) {

    public enum Outcome { APPROVE, DECLINE }
}
