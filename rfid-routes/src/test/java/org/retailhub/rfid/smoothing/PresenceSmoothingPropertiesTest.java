package org.retailhub.rfid.smoothing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.retailhub.rfid.layout.SampleStore;
import org.retailhub.rfid.layout.Zone;

/**
 * Generated read streams of three tags over two shelves, the backroom and the door, a minute long: the changes do not
 * depend on arrival order within the lateness nor on duplicate reads, and they always describe a possible world.
 */
class PresenceSmoothingPropertiesTest {

    private static final Duration LATENESS = Duration.ofSeconds(3);
    private static final List<Zone> ZONES = List.of(SampleStore.SHELF_A, SampleStore.SHELF_B, SampleStore.BACKROOM, SampleStore.DOOR);

    @Property(tries = 300)
    void anyArrivalOrderWithinTheLatenessGivesTheChangesOfTimeOrder(@ForAll("streams") List<Delayed> stream) {
        List<Reads> byTime = stream.stream().map(Delayed::read).sorted(Comparator.comparingLong(Reads::atMillis)).toList();
        List<Reads> byArrival = stream.stream().sorted(Comparator.comparingLong(Delayed::arrival)).map(Delayed::read).toList();

        PresenceSmoothing arriving = new PresenceSmoothing(LATENESS);
        assertThat(run(arriving, byArrival)).isEqualTo(run(new PresenceSmoothing(LATENESS), byTime));
        assertThat(arriving.counts().late()).isZero();
    }

    @Property(tries = 300)
    void theSameSightingByOtherAntennasAndReadersChangesNothing(@ForAll("streams") List<Delayed> stream, @ForAll("antennas") int antenna) {
        List<Reads> reads = stream.stream().map(Delayed::read).sorted(Comparator.comparingLong(Reads::atMillis)).toList();
        List<Reads> echoed = new ArrayList<>();
        reads.forEach(read -> {
            echoed.add(read);
            echoed.add(read.onAntenna("second-reader", antenna));
        });

        PresenceSmoothing withEchoes = new PresenceSmoothing(LATENESS);
        assertThat(run(withEchoes, echoed)).isEqualTo(run(new PresenceSmoothing(LATENESS), reads));
        assertThat(withEchoes.counts().duplicates()).isGreaterThanOrEqualTo(reads.size());
    }

    @Property(tries = 300)
    void aTagIsInOneZoneAtATimeAndOnlyAfterEnoughSightings(@ForAll("streams") List<Delayed> stream) {
        List<Reads> reads = stream.stream().map(Delayed::read).sorted(Comparator.comparingLong(Reads::atMillis)).toList();
        List<PresenceChange> changes = run(new PresenceSmoothing(LATENESS), reads);

        Map<String, Zone> presentIn = new HashMap<>();
        for (PresenceChange change : changes) {
            if (change.kind() == PresenceChange.Kind.ENTER) {
                assertThat(presentIn.put(change.epc(), change.zone())).as("entered while present: %s", change).isNull();
                long at = change.at().toEpochMilli() - Reads.START.toEpochMilli();
                long window = change.zone().rule().window().toMillis();
                assertThat(reads).filteredOn(r -> r.zone().equals(change.zone()) && r.epc().equals(change.epc())
                        && r.atMillis() <= at && r.atMillis() >= at - window).hasSizeGreaterThanOrEqualTo(change.zone().rule().sightings());
            } else {
                assertThat(presentIn.remove(change.epc())).as("left a zone it was not in: %s", change).isEqualTo(change.zone());
            }
        }
        assertThat(presentIn).as("every tag leaves by the end of the stream").isEmpty();
    }

    @Provide
    Arbitrary<List<Delayed>> streams() {
        Arbitrary<Reads> read = Combinators.combine(
                Arbitraries.longs().between(0, 60_000),
                Arbitraries.of(ZONES),
                Arbitraries.of("urn:epc:id:sgtin:4012345.000001.1", "urn:epc:id:sgtin:4012345.000001.2", "urn:epc:id:sgtin:4012345.000002.1"),
                Arbitraries.integers().between(1, 4)
        ).as((at, zone, epc, antenna) -> new Reads(zone, epc, "reader", antenna, at));
        return Combinators.combine(read, Arbitraries.longs().between(0, LATENESS.toMillis()))
                .as((r, delay) -> new Delayed(r, r.atMillis() + delay))
                .list().ofMinSize(0).ofMaxSize(120);
    }

    @Provide
    Arbitrary<Integer> antennas() {
        return Arbitraries.integers().between(1, 8);
    }

    private static List<PresenceChange> run(PresenceSmoothing smoothing, List<Reads> reads) {
        List<PresenceChange> changes = new ArrayList<>();
        reads.forEach(read -> changes.addAll(smoothing.accept(read.zone(), read.read())));
        changes.addAll(smoothing.flush());
        return changes;
    }

    record Delayed(Reads read, long arrival) {
    }
}
