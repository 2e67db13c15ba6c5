package org.retailhub.rfid.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.retailhub.domain.epcis.EpcisJournal;
import org.retailhub.domain.epcis.JournalEvent;
import org.retailhub.rfid.epcis.EpcisEvents;
import org.retailhub.rfid.epcis.EpcisProperties;
import org.retailhub.rfid.inventory.CountSessions;
import org.retailhub.rfid.layout.StoreLayout;
import org.retailhub.rfid.layout.Zone;
import org.retailhub.rfid.reads.TagRead;
import org.retailhub.rfid.smoothing.PresenceChange;
import org.retailhub.rfid.smoothing.PresenceSmoothing;
import org.springframework.stereotype.Component;

/**
 * Where canonical reads go: each to its zone, through the smoothing into presence, and to the store's open count. A
 * tag becoming present is observed: an EPCIS ObjectEvent, stored and published once ({@link EpcisJournal}). Events the
 * database did not take are kept and written first the next time, so a failure loses none (the smoothing has moved
 * on and would not make them again). One reader message or tick at a time.
 * Metrics: {@code hub.rfid.reads}, {@code hub.rfid.presence} (tag {@code change}), {@code hub.rfid.reads.late}.
 */
@Component
public class TagObservations {

    private final StoreLayout layout;
    private final EpcisProperties epcis;
    private final EpcisEvents events;
    private final EpcisJournal journal;
    private final CountSessions counts;
    private final MeterRegistry meters;
    private final PresenceSmoothing smoothing;
    private final List<JournalEvent> unrecorded = new ArrayList<>();
    private long lateSeen;

    public TagObservations(StoreLayout layout, ReaderIntakeProperties properties, EpcisProperties epcis, EpcisEvents events, EpcisJournal journal,
                           CountSessions counts, MeterRegistry meters) {
        this.layout = layout;
        this.epcis = epcis;
        this.events = events;
        this.journal = journal;
        this.counts = counts;
        this.meters = meters;
        this.smoothing = new PresenceSmoothing(properties.allowedLateness());
    }

    public synchronized void take(List<TagRead> reads) {
        List<PresenceChange> changes = new ArrayList<>();
        for (TagRead read : reads) {
            Zone zone = layout.zoneOf(layout.reader(read.reader()).orElseThrow(), read.antenna());
            changes.addAll(smoothing.accept(zone, read));
            counts.see(zone, read);
        }
        meters.counter("hub.rfid.reads").increment(reads.size());
        observe(changes);
        counts.flush();
    }

    /** The hub's clock: presence the watermark lets out without new reads (exits), and the open counts looked up. */
    public synchronized void tick(Instant now) {
        observe(smoothing.advanceTo(now));
        counts.refresh();
    }

    private void observe(List<PresenceChange> changes) {
        for (PresenceChange change : changes) {
            meters.counter("hub.rfid.presence", "change", change.kind().name().toLowerCase(java.util.Locale.ROOT)).increment();
            if (change.kind() == PresenceChange.Kind.ENTER) {
                unrecorded.add(events.observed(change).toJournal());
            }
        }
        long late = smoothing.counts().late();
        meters.counter("hub.rfid.reads.late").increment(late - lateSeen);
        lateSeen = late;
        if (!unrecorded.isEmpty()) {
            journal.record(unrecorded, EpcisJournal.MADE_BY_HUB, epcis.topic());
            unrecorded.clear();
        }
    }
}
