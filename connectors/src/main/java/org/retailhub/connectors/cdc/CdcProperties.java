package org.retailhub.connectors.cdc;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Change data capture from the legacy islands ({@code hub.cdc.*}).
 *
 * @param enabled           run the capture engines at all
 * @param autoStart         start them with the application (tests start them when they are ready)
 * @param username          the capture role: REPLICATION and SELECT on the published tables, nothing else
 * @param password          its password
 * @param publication       the publication each island database defines for the hub
 * @param slotPrefix        replication slot per island: prefix + island (kept when the hub stops)
 * @param pollInterval      how long the engine waits for more changes before handing a batch over; dominates lag
 * @param heartbeatInterval heartbeats move an idle island's slot forward so its WAL does not pile up
 * @param leaderRetry       how often an instance that does not hold an island's leader lock tries again
 */
@Validated
@ConfigurationProperties("hub.cdc")
public record CdcProperties(@DefaultValue("true") boolean enabled,
                            @DefaultValue("true") boolean autoStart,
                            @NotBlank String username,
                            String password,
                            @DefaultValue("retailhub_cdc") String publication,
                            @DefaultValue("retailhub_") String slotPrefix,
                            @DefaultValue("PT0.05S") Duration pollInterval,
                            @DefaultValue("PT10S") Duration heartbeatInterval,
                            @DefaultValue("PT5S") Duration leaderRetry) {
}
