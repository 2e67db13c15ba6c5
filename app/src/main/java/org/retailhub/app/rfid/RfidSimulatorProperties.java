package org.retailhub.app.rfid;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded default's simulated store floor ({@code hub.rfid.simulator.*}): readers over a store's shelves,
 * backroom and door publishing what they read on the hub's MQTT broker, in the Zebra and Impinj formats.
 *
 * @param enabled       the switch, like every simulated party's (a development default: off in production)
 * @param pieces        tagged pieces lying in the store per article, e.g. {@code SKU-0022: 194} (the sample ledger says
 *                      200: six went missing, which a count finds)
 * @param readers       the simulated readers; each covers one zone of the store's layout ({@code hub.rfid.layout})
 * @param doorReader    the reader at the door, whose field holds what walks out
 * @param sweepInterval one inventory round of every reader
 * @param readRate      chance a piece in a reader's field is read in a round
 * @param duplicateRate chance a read comes again from a second antenna
 * @param moveRate      chance a piece is carried to another zone in a round
 * @param walkOutRate   chance a piece walks out of the door in a round (read there)
 */
@Validated
@ConfigurationProperties("hub.rfid.simulator")
public record RfidSimulatorProperties(@DefaultValue("false") boolean enabled,
                                      @NotNull @DefaultValue Map<String, Integer> pieces,
                                      @Valid @NotEmpty @DefaultValue List<Reader> readers,
                                      @DefaultValue("") String doorReader,
                                      @NotNull @DefaultValue("5s") Duration sweepInterval,
                                      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.95") double readRate,
                                      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.3") double duplicateRate,
                                      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.01") double moveRate,
                                      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double walkOutRate) {

    /** @param vendor zebra or impinj */
    public record Reader(@NotBlank String id, @NotBlank String vendor, @NotBlank String zone, @Min(1) @DefaultValue("1") int antennas) {
    }
}
