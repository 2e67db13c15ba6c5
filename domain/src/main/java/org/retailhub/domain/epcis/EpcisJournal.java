package org.retailhub.domain.epcis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.retailhub.domain.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every EPCIS event the hub made or was sent ({@code hub.epcis_event}), each once by its event id, and published on
 * Kafka through the outbox in the same transaction: an event is stored and published, or neither.
 */
public class EpcisJournal {

    public static final String MADE_BY_HUB = "hub";
    public static final String CAPTURED = "capture";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final ObjectMapper json;

    public EpcisJournal(JdbcTemplate jdbc, TransactionTemplate transactions, Outbox outbox, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Stores the events not stored before and queues them for {@code topic}; returns how many were new (a replayed
     * observation or a document captured twice adds nothing).
     *
     * @param source {@link #MADE_BY_HUB} or {@link #CAPTURED}
     */
    public int record(List<JournalEvent> events, String source, String topic) {
        Integer stored = transactions.execute(tx -> {
            int added = 0;
            for (JournalEvent event : events) {
                int inserted = jdbc.update("""
                        insert into hub.epcis_event (event_id, event_type, event_time, action, biz_step, disposition, read_point,
                                                     biz_location, source, event)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (event_id) do nothing""",
                        event.eventId(), event.type(), Timestamp.from(event.eventTime()), event.action(), event.bizStep(),
                        event.disposition(), event.readPoint(), event.bizLocation(), source, text(event.event()));
                if (inserted == 0) {
                    continue;
                }
                jdbc.batchUpdate("insert into hub.epcis_event_epc (epc, event_id) values (?, ?) on conflict do nothing",
                        event.epcs().stream().distinct().map(epc -> new Object[] {epc, event.eventId()}).toList());
                outbox.append(topic, event.epcs().isEmpty() ? event.eventId() : event.epcs().get(0), event.type(), event.event());
                added++;
            }
            return added;
        });
        return stored == null ? 0 : stored;
    }

    /** The events that match, oldest first, as JSON-LD. */
    public List<JsonNode> find(EpcisQuery query) {
        StringBuilder sql = new StringBuilder("select e.event::text from hub.epcis_event e where true");
        List<Object> arguments = new ArrayList<>();
        if (query.epc() != null) {
            sql.append(" and e.event_id in (select x.event_id from hub.epcis_event_epc x where x.epc = ?)");
            arguments.add(query.epc());
        }
        if (query.location() != null) {
            sql.append(" and (e.read_point = ? or e.biz_location = ?)");
            arguments.add(query.location());
            arguments.add(query.location());
        }
        if (query.from() != null) {
            sql.append(" and e.event_time >= ?");
            arguments.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and e.event_time < ?");
            arguments.add(Timestamp.from(query.to()));
        }
        sql.append(" order by e.event_time, e.event_id limit ?");
        arguments.add(query.limit());
        return jdbc.query(sql.toString(), (rs, i) -> parse(rs.getString(1)), arguments.toArray());
    }

    private String text(JsonNode event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("EPCIS event " + event.path("eventID") + " cannot be written as JSON", e);
        }
    }

    private JsonNode parse(String event) {
        try {
            return json.readTree(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("hub.epcis_event holds an event that is no JSON", e);
        }
    }
}
