package org.retailhub.rfid.smoothing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retailhub.rfid.layout.SampleStore.DOOR;
import static org.retailhub.rfid.layout.SampleStore.SHELF_A;
import static org.retailhub.rfid.layout.SampleStore.SHELF_B;
import static org.retailhub.rfid.smoothing.Reads.START;
import static org.retailhub.rfid.smoothing.Reads.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SHELF_A and SHELF_B: present after 2 sightings 500 ms apart within 10 s, gone after 30 s unseen. Lateness 2 s. */
class PresenceSmoothingTest {

    private static final String TAG = "urn:epc:id:sgtin:4012345.000001.1";

    private final PresenceSmoothing smoothing = new PresenceSmoothing(Duration.ofSeconds(2));

    @Test
    void aTagIsPresentAtItsSecondSightingWithinTheWindowAndGoneAfterTheAbsence() {
        List<PresenceChange> changes = feed(at(0, SHELF_A, TAG), at(4_000, SHELF_A, TAG), at(9_000, SHELF_A, TAG));
        changes.addAll(smoothing.advanceTo(START.plusSeconds(60)));

        assertThat(changes).containsExactly(
                PresenceChange.enter(SHELF_A, TAG, START.plusSeconds(4).toEpochMilli()),
                PresenceChange.exit(SHELF_A, TAG, START.plusSeconds(9 + 30).toEpochMilli()));
    }

    @Test
    void sightingsFartherApartThanTheWindowNeverMakeATagPresent() {
        List<PresenceChange> changes = feed(at(0, SHELF_A, TAG), at(10_001, SHELF_A, TAG), at(20_002, SHELF_A, TAG));

        assertThat(changes).isEmpty();
        assertThat(smoothing.flush()).isEmpty();
    }

    @Test
    void fourAntennasAndASecondReaderSeeingTheTagAtOnceAreOneSighting() {
        Reads read = at(1_000, SHELF_A, TAG);
        List<PresenceChange> changes = feed(read, read.onAntenna("reader", 2), read.onAntenna("reader", 3),
                read.onAntenna("other-reader", 1), at(1_300, SHELF_A, TAG));

        assertThat(changes).isEmpty();
        assertThat(smoothing.flush()).isEmpty();
        assertThat(smoothing.counts().duplicates()).isEqualTo(4);
    }

    @Test
    void aTagSeenOnAnotherShelfMovesThereLeavingTheFirstAtOnce() {
        List<PresenceChange> changes = feed(at(0, SHELF_A, TAG), at(1_000, SHELF_A, TAG),
                at(5_000, SHELF_B, TAG), at(6_000, SHELF_B, TAG));
        changes.addAll(smoothing.flush());

        assertThat(changes).containsExactly(
                PresenceChange.enter(SHELF_A, TAG, START.plusSeconds(1).toEpochMilli()),
                PresenceChange.exit(SHELF_A, TAG, START.plusSeconds(6).toEpochMilli()),
                PresenceChange.enter(SHELF_B, TAG, START.plusSeconds(6).toEpochMilli()),
                PresenceChange.exit(SHELF_B, TAG, START.plusSeconds(36).toEpochMilli()));
    }

    @Test
    void readsArrivingOutOfOrderWithinTheLatenessCountInTheirReadersOrder() {
        List<PresenceChange> inOrder = new PresenceSmoothingTest().feedAndFlush(
                at(0, SHELF_A, TAG), at(1_000, SHELF_A, TAG), at(2_000, SHELF_B, TAG), at(2_600, SHELF_B, TAG));
        List<PresenceChange> shuffled = feedAndFlush(
                at(1_000, SHELF_A, TAG), at(0, SHELF_A, TAG), at(2_600, SHELF_B, TAG), at(2_000, SHELF_B, TAG));

        assertThat(shuffled).isEqualTo(inOrder).hasSize(4);
    }

    @Test
    void aReadOlderThanTheWatermarkIsLateCountedAndChangesNothing() {
        List<PresenceChange> changes = feed(at(10_000, SHELF_A, TAG), at(0, SHELF_A, TAG), at(7_900, SHELF_A, TAG));

        assertThat(changes).isEmpty();
        assertThat(smoothing.counts().late()).isEqualTo(2);
        assertThat(smoothing.counts().reads()).isEqualTo(1);
    }

    @Test
    void readsAreHeldUntilTheWatermarkPassesThemAndTheClockMovesItOnWithoutReads() {
        List<PresenceChange> changes = feed(at(0, DOOR, TAG));

        assertThat(changes).isEmpty();
        assertThat(smoothing.counts().buffered()).isEqualTo(1);
        assertThat(smoothing.advanceTo(START.plusMillis(2_001))).containsExactly(PresenceChange.enter(DOOR, TAG, START.toEpochMilli()));
        assertThat(smoothing.advanceTo(START.plusSeconds(8))).containsExactly(PresenceChange.exit(DOOR, TAG, START.plusSeconds(5).toEpochMilli()));
        assertThat(smoothing.counts().tracked()).isZero();
    }

    @Test
    void aTagPresentInAZoneKeepsBeingPresentWhileItIsRead() {
        List<PresenceChange> changes = new ArrayList<>();
        for (long t = 0; t <= 120_000; t += 20_000) {
            changes.addAll(feed(at(t, SHELF_A, TAG), at(t + 1_000, SHELF_A, TAG)));
        }

        assertThat(changes).containsExactly(PresenceChange.enter(SHELF_A, TAG, START.plusSeconds(1).toEpochMilli()));
        assertThat(smoothing.present("STORE-001")).containsEntry(TAG, SHELF_A);
    }

    private List<PresenceChange> feedAndFlush(Reads... reads) {
        List<PresenceChange> changes = feed(reads);
        changes.addAll(smoothing.flush());
        return changes;
    }

    private List<PresenceChange> feed(Reads... reads) {
        List<PresenceChange> changes = new ArrayList<>();
        for (Reads read : reads) {
            changes.addAll(smoothing.accept(read.zone(), read.read()));
        }
        return changes;
    }
}
