package org.retailhub.domain.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transactional outbox: events are written in the same transaction as the state change they report,
 * and a relay publishes them afterwards. No dual write, so no event without its change and vice versa.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public Outbox(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Appends an event; must run inside the transaction that makes the change it reports. */
    public UUID append(String topic, String key, String type, Object payload) {
        UUID eventId = UUID.randomUUID();
        jdbc.update("insert into hub.outbox (event_id, topic, event_key, event_type, payload) values (?, ?, ?, ?, cast(? as jsonb))",
                eventId, topic, key, type, toJson(payload));
        return eventId;
    }

    /**
     * Locks the oldest unpublished events so that concurrent relays (several hub instances) skip them.
     * Call inside a transaction and {@link #markPublished} before it commits.
     */
    public List<OutboxEvent> lockNextBatch(int limit) {
        return jdbc.query("""
                select seq, event_id, topic, event_key, event_type, payload::text as payload
                  from hub.outbox where published_at is null
                 order by seq limit ? for update skip locked""",
                (rs, i) -> new OutboxEvent(rs.getLong("seq"), rs.getObject("event_id", UUID.class), rs.getString("topic"),
                        rs.getString("event_key"), rs.getString("event_type"), rs.getString("payload")),
                limit);
    }

    public void markPublished(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Long[] seqs = events.stream().map(OutboxEvent::sequence).toArray(Long[]::new);
        jdbc.update("update hub.outbox set published_at = now(), published_by = nullif(current_setting('application_name', true), '') where seq = any(?)",
                (Object) seqs);
    }

    /**
     * Deletes up to {@code limit} events published before {@code cutoff}, oldest first. Unpublished events are never
     * deleted, however old: they are the ones the relay still owes Kafka.
     *
     * @return how many were deleted (less than {@code limit} when none older are left)
     */
    public int purgePublishedBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                delete from hub.outbox where seq in (
                    select seq from hub.outbox where published_at < ? order by seq limit ?)""",
                Timestamp.from(cutoff), limit);
    }

    public long pending() {
        Long n = jdbc.queryForObject("select count(*) from hub.outbox where published_at is null", Long.class);
        return n == null ? 0 : n;
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}
