package org.retailhub.processes.recovery;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How hub instances sharing a database tell the living from the dead ({@code hub.instances.*}).
 *
 * @param heartbeatInterval how often an instance writes its heartbeat
 * @param staleAfter        an instance whose last heartbeat is older than this is dead, and its job locks are released;
 *                          at least three heartbeats, so a slow statement or a short pause does not kill a live one
 */
@Validated
@ConfigurationProperties("hub.instances")
public record JobLockRecoveryProperties(@NotNull @DefaultValue("PT5S") Duration heartbeatInterval,
                                        @NotNull @DefaultValue("PT30S") Duration staleAfter) {

    public JobLockRecoveryProperties {
        if (heartbeatInterval != null && staleAfter != null && staleAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("hub.instances.stale-after (" + staleAfter
                    + ") must be at least three heartbeat intervals (" + heartbeatInterval.multipliedBy(3) + ")");
        }
    }
}
