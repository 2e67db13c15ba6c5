package org.retailhub.rfid.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLayoutTest {

    @Test
    void theStoreIsItsGlnAsSglnAndEachZoneAnExtensionOfIt() {
        StoreSite store = SampleStore.layout().store(SampleStore.STORE);

        assertThat(store.location()).isEqualTo("urn:epc:id:sgln:4012345.00001.0");
        assertThat(store.readPoint(SampleStore.SHELF_A)).isEqualTo("urn:epc:id:sgln:4012345.00001.shelf-a");
    }

    @Test
    void anAntennaCoversItsReadersZoneUnlessItIsPlacedElsewhere() {
        StoreLayout layout = SampleStore.layout();
        ReaderPlacement shelves = layout.reader("fx9600-shelves").orElseThrow();

        assertThat(layout.zoneOf(shelves, 1)).isEqualTo(SampleStore.SHELF_A);
        assertThat(layout.zoneOf(shelves, 4)).isEqualTo(SampleStore.SHELF_B);
        assertThat(layout.reader("somebody-elses-reader")).isEmpty();
    }

    @Test
    void aWrongGlnOrAZoneOfAnotherStoreOrAReaderInAnUnknownZoneIsRefusedAtStart() {
        Map<String, Zone> zones = Map.of("shelf-a", SampleStore.SHELF_A);
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        assertThatThrownBy(() -> new StoreSite("STORE-001", "4012345000017", 7, berlin, zones)).hasMessageContaining("check digit");
        assertThatThrownBy(() -> new StoreSite("STORE-002", "4012345000016", 7, berlin, zones)).hasMessageContaining("listed under");
        StoreSite store = new StoreSite("STORE-001", "4012345000016", 7, berlin, zones);
        assertThatThrownBy(() -> new StoreLayout(Map.of("STORE-001", store),
                Map.of("r1", new ReaderPlacement("r1", "STORE-001", "till", Map.of())))).hasMessageContaining("no zone till");
        assertThatThrownBy(() -> new PresenceRule(5, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(500)))
                .hasMessageContaining("never fit");
    }
}
