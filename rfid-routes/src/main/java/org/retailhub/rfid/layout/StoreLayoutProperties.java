package org.retailhub.rfid.layout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The stores with RFID readers and where each reader hangs: the only place zones, presence rules and readers are
 * written down ({@code hub.rfid.layout.*}). A reader not listed is refused.
 *
 * @param stores  by store id (as in {@code hub.store})
 * @param readers by reader id: the Impinj reader's host name, the last segment of a Zebra reader's topic
 */
@Validated
@ConfigurationProperties("hub.rfid.layout")
public record StoreLayoutProperties(@Valid @NotNull @DefaultValue Map<String, Store> stores,
                                    @Valid @NotNull @DefaultValue Map<String, Reader> readers) {

    /**
     * @param gln                 the store's GLN, 13 digits with check digit
     * @param companyPrefixDigits how many of them are the GS1 Company Prefix
     * @param timeZone            the store's clock, for the events' local time offset
     */
    public record Store(@NotBlank @Pattern(regexp = "\\d{13}") String gln, @Min(6) @Max(12) @DefaultValue("7") int companyPrefixDigits,
                        @NotNull @DefaultValue("UTC") ZoneId timeZone, @Valid @NotEmpty Map<String, ZoneSettings> zones) {
    }

    /**
     * A zone and its presence rule ({@link PresenceRule}).
     *
     * @param kind SALES_FLOOR, BACKROOM or DOOR
     */
    public record ZoneSettings(@NotNull ZoneKind kind, @Min(1) @Max(64) @DefaultValue("2") int sightings,
                               @NotNull @DefaultValue("10s") Duration window, @NotNull @DefaultValue("30s") Duration absence,
                               @NotNull @DefaultValue("500ms") Duration distinctAfter) {
    }

    /**
     * @param zone         the zone its antennas cover
     * @param antennaZones antennas that cover another zone of the store, by port
     */
    public record Reader(@NotBlank String store, @NotBlank String zone, @DefaultValue Map<Integer, String> antennaZones) {
    }

    /** The layout these settings describe; a zone, reader or GLN that does not fit stops the start, naming it. */
    public StoreLayout layout() {
        Map<String, StoreSite> sites = new LinkedHashMap<>();
        stores.forEach((storeId, store) -> {
            Map<String, Zone> zones = new LinkedHashMap<>();
            store.zones().forEach((id, z) -> zones.put(id, new Zone(storeId, id, z.kind(),
                    new PresenceRule(z.sightings(), z.window(), z.absence(), z.distinctAfter()))));
            sites.put(storeId, new StoreSite(storeId, store.gln(), store.companyPrefixDigits(), store.timeZone(), zones));
        });
        Map<String, ReaderPlacement> placements = new LinkedHashMap<>();
        readers.forEach((id, r) -> placements.put(id, new ReaderPlacement(id, r.store(), r.zone(), r.antennaZones())));
        return new StoreLayout(sites, placements);
    }
}
