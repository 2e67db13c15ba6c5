package org.retailhub.domain.deadletter;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.domain.deadletter.DeadLetterRefusedException.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every source's dead letters in one place: channel messages the intake refused ({@code hub.channel_dead_letter}, filled
 * from the dead-letter topic by {@link #record}), captured changes or island file lines the hub could not apply
 * ({@code hub.cdc_dead_letter}), RFID reader messages the reader intake refused ({@code hub.rfid_dead_letter}, filled
 * from its dead-letter topic) and settlement file lines the hub could not read (UNREADABLE rows of
 * {@code hub.settlement_mismatch}). An operator lists them (payload with personal data masked), replays one after
 * fixing what it was refused for, or discards one with a reason; reasons are masked too (a parser may quote the
 * message). Both actions are written to the audit trail in the same transaction.
 */
public class DeadLetterDesk {

    /**
     * Where a source keeps its letters and how its columns read as a letter ({@code x} is the letter's row).
     *
     * @param join      a table the row is read with ({@code r}), joined on {@code joinOn}; {@code null} for none
     * @param filter    which rows of the table are letters
     */
    private record Shelf(String table, String join, String joinOn, String filter, String origin, String key, String position,
                         String reason, String payload, String receivedAt) {

        static Shelf kafka(String table) {
            return new Shelf(table, null, null, "true", "x.source_topic", "x.message_key", "x.kafka_offset", "x.reason", "x.payload",
                    "x.received_at");
        }

        String select(DeadLetterSource source) {
            return "select '" + source.name() + "' as source, x.id, " + origin + " as origin, " + position + " as position, " + reason
                    + " as reason, " + receivedAt + " as received_at, " + payload + " as payload, " + key + " as message_key,"
                    + " x.resolved_at, x.resolution, x.resolved_by, x.resolution_note from " + table + " x"
                    + (join == null ? "" : " join " + join + " r on " + joinOn) + " where " + filter;
        }

        /** Resolves the open letter {@code ?} (after resolution, actor and note) and returns its origin, key and payload. */
        String claim() {
            return "update " + table + " x set resolved_at = now(), resolution = ?, resolved_by = ?, resolution_note = ?"
                    + (join == null ? "" : " from " + join + " r") + " where " + (join == null ? "" : joinOn + " and ") + filter
                    + " and x.id = ? and x.resolved_at is null returning " + origin + ", " + key + ", " + payload;
        }
    }

    private static final Map<DeadLetterSource, Shelf> SHELVES = new EnumMap<>(Map.of(
            DeadLetterSource.CHANNEL, Shelf.kafka("hub.channel_dead_letter"),
            DeadLetterSource.ISLAND, new Shelf("hub.cdc_dead_letter", null, null, "true", "x.island || coalesce(' ' || x.source_table, '')",
                    "null", "x.position", "x.reason", "convert_to(x.payload, 'UTF8')", "x.received_at"),
            DeadLetterSource.RFID, Shelf.kafka("hub.rfid_dead_letter"),
            // the reader keeps "<reason> | <line as sent>" in detail and "line <n>" in reference (SettlementMismatch.unreadable)
            DeadLetterSource.SETTLEMENT, new Shelf("hub.settlement_mismatch", "hub.settlement_run", "r.id = x.run_id", "x.kind = 'UNREADABLE'",
                    "r.file_name || ' ' || x.reference", "null", "cast(nullif(regexp_replace(x.reference, '[^0-9]', '', 'g'), '') as bigint)",
                    "split_part(x.detail, ' | ', 1)",
                    "convert_to(case when strpos(x.detail, ' | ') > 0 then substr(x.detail, strpos(x.detail, ' | ') + 3) else coalesce(x.detail, '') end, 'UTF8')",
                    "r.reconciled_at")));
    private static final String LETTERS = "select * from (" + SHELVES.entrySet().stream().map(e -> e.getValue().select(e.getKey()))
            .collect(Collectors.joining(" union all ")) + ") letter where true";
    /** Why a source's letters cannot be put back into their flow, and what to do instead. */
    private static final Map<DeadLetterSource, String> NOT_REPLAYABLE = Map.of(
            DeadLetterSource.SETTLEMENT, "a settlement line is the provider's own: reading it again gives the same answer. Ask the provider "
                    + "for a corrected file and reconcile that day again (ops/runbooks/orders.md, Settlement mismatches), then discard this letter");
    private static final int MAX_NOTE = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail trail;
    private final UnaryOperator<String> mask;
    private final Map<DeadLetterSource, DeadLetterReplay> replays;

    /**
     * @param mask    removes personal data from a payload's text before anyone sees it
     * @param replays one per source whose letters can be replayed
     */
    public DeadLetterDesk(JdbcTemplate jdbc, TransactionTemplate transactions, AuditTrail trail, UnaryOperator<String> mask,
                          List<DeadLetterReplay> replays) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.trail = trail;
        this.mask = mask;
        this.replays = replays.stream().collect(Collectors.toMap(DeadLetterReplay::source, Function.identity(),
                (a, b) -> a, () -> new EnumMap<>(DeadLetterSource.class)));
    }

    /** Keeps a channel message from the dead-letter topic, once per partition and offset; returns whether it was new. */
    public boolean record(String topic, String key, int partition, long offset, String reason, byte[] message) {
        return record(DeadLetterSource.CHANNEL, topic, key, partition, offset, reason, message);
    }

    /**
     * Keeps a message of a dead-letter topic, once per partition and offset; returns whether it was new.
     *
     * @param source {@link DeadLetterSource#CHANNEL} or {@link DeadLetterSource#RFID}, the sources whose letters come by Kafka
     * @param topic  where the message first came from (the channel topic, the reader's MQTT topic)
     */
    public boolean record(DeadLetterSource source, String topic, String key, int partition, long offset, String reason, byte[] message) {
        if (source != DeadLetterSource.CHANNEL && source != DeadLetterSource.RFID) {
            throw new IllegalArgumentException(source + " letters do not come from a dead-letter topic");
        }
        String why = reason == null || reason.isBlank() ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        return jdbc.update("insert into " + SHELVES.get(source).table() + " (source_topic, message_key, partition_no, kafka_offset, reason, payload)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (partition_no, kafka_offset) do nothing",
                topic == null ? "unknown" : topic.length() <= 249 ? topic : topic.substring(0, 249), key == null || key.length() <= 256 ? key : key.substring(0, 256), partition, offset,
                why, message == null ? new byte[0] : message) == 1;
    }

    /**
     * The newest letters first, at most {@code limit}.
     *
     * @param source      one source only, or every source
     * @param open        only those nobody replayed or discarded yet
     * @param withPayload the payload (masked) too; without it a reader sees reasons, never message contents
     */
    public List<DeadLetter> list(Optional<DeadLetterSource> source, boolean open, boolean withPayload, int limit) {
        StringBuilder sql = new StringBuilder(LETTERS);
        List<Object> args = new ArrayList<>();
        source.ifPresent(s -> {
            sql.append(" and source = ?");
            args.add(s.name());
        });
        if (open) {
            sql.append(" and resolved_at is null");
        }
        sql.append(" order by received_at desc, id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> letter(rs, withPayload), args.toArray());
    }

    /** One letter, payload masked. */
    public Optional<DeadLetter> find(DeadLetterSource source, long id) {
        return jdbc.query(LETTERS + " and source = ? and id = ?", (rs, i) -> letter(rs, true), source.name(), id).stream().findFirst();
    }

    /** Open letters per source, every source named (zero included). */
    public Map<DeadLetterSource, Integer> openPerSource() {
        Map<DeadLetterSource, Integer> open = new EnumMap<>(DeadLetterSource.class);
        for (DeadLetterSource source : DeadLetterSource.values()) {
            open.put(source, 0);
        }
        jdbc.query(SHELVES.entrySet().stream().map(e -> "select '" + e.getKey().name() + "', count(*) from " + e.getValue().table()
                        + " x where " + e.getValue().filter() + " and x.resolved_at is null").collect(Collectors.joining(" union all ")),
                rs -> { open.put(DeadLetterSource.valueOf(rs.getString(1)), rs.getInt(2)); });
        return open;
    }

    /**
     * Puts the letter's original message back into its flow and marks it replayed with what became of it (its note),
     * audited as {@code actor}; if the flow does not take it, nothing is marked and the letter stays open. A message
     * replayed onto a topic that is refused again there becomes a new dead letter.
     *
     * @throws DeadLetterRefusedException when there is no such open letter or its source cannot be replayed
     */
    public DeadLetter replay(DeadLetterSource source, long id, String actor) {
        DeadLetterReplay replay = replays.get(source);
        if (replay == null) {
            throw new DeadLetterRefusedException(Kind.NOT_REPLAYABLE, source.slug() + " dead letters cannot be replayed from the hub: "
                    + NOT_REPLAYABLE.getOrDefault(source, "correct the cause at the source, then discard this letter with a reason"));
        }
        transactions.executeWithoutResult(tx -> {
            Stored letter = claim(source, id, DeadLetter.REPLAYED, actor, null);
            trail.record(actor, "dead-letter-replayed", "dead-letter", source.slug() + "/" + id, "from " + letter.origin());
            String outcome = replay.replay(letter.origin(), letter.key(), letter.message());
            if (outcome != null) {
                jdbc.update("update " + SHELVES.get(source).table() + " set resolution_note = ? where id = ?",
                        outcome.length() <= MAX_NOTE ? outcome : outcome.substring(0, MAX_NOTE), id);
            }
        });
        return find(source, id).orElseThrow();
    }

    /**
     * Marks the letter discarded with the operator's reason, audited as {@code actor}.
     *
     * @throws DeadLetterRefusedException when there is no such open letter
     */
    public DeadLetter discard(DeadLetterSource source, long id, String actor, String note) {
        String why = note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE);
        transactions.executeWithoutResult(tx -> {
            Stored letter = claim(source, id, DeadLetter.DISCARDED, actor, why);
            trail.record(actor, "dead-letter-discarded", "dead-letter", source.slug() + "/" + id, "from " + letter.origin() + ": " + why);
        });
        return find(source, id).orElseThrow();
    }

    private record Stored(String origin, String key, byte[] message) {
    }

    /** Resolves an open letter (row locked until the transaction ends) and returns what it held. */
    private Stored claim(DeadLetterSource source, long id, String resolution, String actor, String note) {
        Shelf shelf = SHELVES.get(source);
        List<Stored> claimed = jdbc.query(shelf.claim(), (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3)),
                resolution, actor, note, id);
        if (claimed.isEmpty()) {
            Integer exists = jdbc.queryForObject("select count(*) from " + shelf.table() + " x where " + shelf.filter() + " and x.id = ?",
                    Integer.class, id);
            throw exists != null && exists > 0
                    ? new DeadLetterRefusedException(Kind.RESOLVED, "dead letter " + source.slug() + "/" + id + " was already replayed or discarded")
                    : new DeadLetterRefusedException(Kind.NOT_FOUND, "no dead letter " + source.slug() + "/" + id);
        }
        return claimed.get(0);
    }

    private DeadLetter letter(ResultSet rs, boolean withPayload) throws SQLException {
        String resolution = rs.getString("resolution");
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        long position = rs.getLong("position");
        Long at = rs.wasNull() ? null : position;
        String payload = withPayload ? mask.apply(new String(rs.getBytes("payload"), StandardCharsets.UTF_8)) : null;
        return new DeadLetter(DeadLetterSource.valueOf(rs.getString("source")), rs.getLong("id"), rs.getString("origin"), at,
                mask.apply(rs.getString("reason")), instant(rs.getTimestamp("received_at")), payload,
                resolution != null ? resolution : resolvedAt == null ? DeadLetter.OPEN : "RESOLVED",
                instant(resolvedAt), rs.getString("resolved_by"), rs.getString("resolution_note"));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
