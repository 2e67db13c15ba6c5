package org.retailhub.rfid.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.retailhub.domain.epcis.EpcisJournal;
import org.retailhub.domain.epcis.EpcisQuery;
import org.retailhub.domain.epcis.JournalEvent;
import org.springframework.dao.DataAccessResourceFailureException;

/** The EPCIS journal in memory for route tests; it can be told to fail like a database that is down. */
class RecordingJournal extends EpcisJournal {

    final List<JournalEvent> events = new CopyOnWriteArrayList<>();
    final AtomicInteger failures = new AtomicInteger();

    RecordingJournal() {
        super(null, null, null, null);
    }

    @Override
    public int record(List<JournalEvent> recorded, String source, String topic) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new DataAccessResourceFailureException("database down (test)");
        }
        List<String> known = events.stream().map(JournalEvent::eventId).toList();
        List<JournalEvent> added = new ArrayList<>(recorded.stream().filter(e -> !known.contains(e.eventId())).toList());
        events.addAll(added);
        return added.size();
    }

    @Override
    public List<JsonNode> find(EpcisQuery query) {
        return events.stream().map(e -> (JsonNode) e.event()).toList();
    }
}
