package org.retailhub.app.demo;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo trickle ({@code --demo}): a steady stream of orders from every channel so a newcomer sees
 * process instances move in Cockpit.
 *
 * @param enabled  send demo orders
 * @param interval pause between two demo orders
 * @param replenishmentAfter when after the start the demo runs replenishment for every store
 * @param behaviourInterval pause between two demo behaviour events (customer insight)
 */
@Validated
@ConfigurationProperties("hub.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled,
                             @NotNull @DefaultValue("PT2S") Duration interval,
                             @NotNull @DefaultValue("PT15S") Duration replenishmentAfter,
                             @NotNull @DefaultValue("PT0.25S") Duration behaviourInterval) {
}
