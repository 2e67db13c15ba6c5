package org.retailhub.rfid.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.retailhub.rfid.layout.SampleStore;
import org.retailhub.rfid.layout.Zone;
import org.retailhub.rfid.reads.TagRead;

/** A count takes each EPC once wherever it is seen, drops what leaves through the door, and ignores what came before it. */
class CountSessionTest {

    private static final Instant OPENED = Instant.parse("2025-07-01T08:00:00Z");

    private final CountSession count = new CountSession(UUID.randomUUID(), SampleStore.STORE, OPENED);

    @Test
    void eachTagCountsOnceWhereverItIsSeenAndItsGtinNamesTheArticle() {
        assertThat(see(SampleStore.SHELF_A, 22, 1, 10)).hasValueSatisfying(seen -> {
            assertThat(seen.counted()).isTrue();
            assertThat(seen.tag().gtin()).isEqualTo("04012345000221");
            assertThat(seen.tag().zone()).isEqualTo("shelf-a");
        });
        assertThat(see(SampleStore.SHELF_A, 22, 1, 11)).as("seen again").isEmpty();
        assertThat(see(SampleStore.SHELF_B, 22, 1, 12)).as("carried to another shelf").isEmpty();
        see(SampleStore.BACKROOM, 37, 4, 13);

        assertThat(count.counted()).containsExactlyInAnyOrder(SampleStore.epcUri(22, 1), SampleStore.epcUri(37, 4));
    }

    @Test
    void aTagSeenAtTheDoorAfterItWasCountedHasLeftUntilItIsCountedAgain() {
        see(SampleStore.SHELF_A, 22, 1, 10);

        assertThat(see(SampleStore.DOOR, 22, 1, 20)).hasValueSatisfying(seen -> assertThat(seen.counted()).isFalse());
        assertThat(count.counted()).isEmpty();
        assertThat(see(SampleStore.SHELF_B, 22, 1, 30)).hasValueSatisfying(seen -> assertThat(seen.counted()).isTrue());
        assertThat(count.counted()).containsExactly(SampleStore.epcUri(22, 1));
    }

    @Test
    void readsBeforeTheCountOpenedOrOfAnotherStoreAndDoorsAloneCountNothing() {
        assertThat(see(SampleStore.SHELF_A, 22, 1, -5)).isEmpty();
        assertThat(count.see(new Zone("STORE-002", "shelf-a", SampleStore.SHELF_A.kind(), SampleStore.RULE), read(22, 2, 5))).isEmpty();
        assertThat(see(SampleStore.DOOR, 22, 3, 5)).isEmpty();
        assertThat(count.counted()).isEmpty();
    }

    private java.util.Optional<CountSession.Seen> see(Zone zone, int item, long serial, long secondsAfterOpening) {
        return count.see(zone, read(item, serial, secondsAfterOpening));
    }

    private static TagRead read(int item, long serial, long secondsAfterOpening) {
        return new TagRead(SampleStore.epcHex(item, serial), SampleStore.epcUri(item, serial), "reader", 1, -60, OPENED.plusSeconds(secondsAfterOpening));
    }
}
