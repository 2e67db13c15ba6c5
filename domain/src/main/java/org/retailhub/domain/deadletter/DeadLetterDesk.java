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
 * from the dead-letter topic by {@link #record}) and captured changes or island file lines the hub could not apply
 * ({@code hub.cdc_dead_letter}). An operator lists them (payload with personal data masked), replays one after fixing
 * what it was refused for, or discards one with a reason; reasons are masked too (a parser may quote the message).
 * Both actions are written to the audit trail in the same transaction.
 */
public class DeadLetterDesk {

    private static final String LETTERS = """
            select * from (
              select 'CHANNEL' as source, id, source_topic as origin, kafka_offset as position, reason, received_at, payload,
                     message_key, resolved_at, resolution, resolved_by, resolution_note from hub.channel_dead_letter
              union all
              select 'ISLAND', id, island || coalesce(' ' || source_table, ''), position, reason, received_at,
                     convert_to(payload, 'UTF8'), null, resolved_at, resolution, resolved_by, resolution_note from hub.cdc_dead_letter
            ) letter where true""";
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
        String why = reason == null || reason.isBlank() ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        return jdbc.update("insert into hub.channel_dead_letter (source_topic, message_key, partition_no, kafka_offset, reason, payload)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict on constraint channel_dead_letter_once do nothing",
                topic == null ? "unknown" : topic, key == null || key.length() <= 256 ? key : key.substring(0, 256), partition, offset,
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
        jdbc.query("select 'CHANNEL', count(*) from hub.channel_dead_letter where resolved_at is null union all "
                        + "select 'ISLAND', count(*) from hub.cdc_dead_letter where resolved_at is null",
                rs -> { open.put(DeadLetterSource.valueOf(rs.getString(1)), rs.getInt(2)); });
        return open;
    }

    /**
     * Puts the letter's original message back into its flow and marks it replayed, audited as {@code actor}; if the
     * flow does not take it, nothing is marked. A replayed message that is refused again becomes a new dead letter.
     *
     * @throws DeadLetterRefusedException when there is no such open letter or its source cannot be replayed
     */
    public DeadLetter replay(DeadLetterSource source, long id, String actor) {
        DeadLetterReplay replay = replays.get(source);
        if (replay == null) {
            throw new DeadLetterRefusedException(Kind.NOT_REPLAYABLE, source.slug() + " dead letters cannot be replayed from the hub: "
                    + "correct the record at its island (the next capture or file brings it again), then discard this letter with a reason");
        }
        transactions.executeWithoutResult(tx -> {
            Stored letter = claim(source, id, DeadLetter.REPLAYED, actor, null);
            trail.record(actor, "dead-letter-replayed", "dead-letter", source.slug() + "/" + id, "from " + letter.origin());
            replay.replay(letter.origin(), letter.key(), letter.message());
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
        String table = source == DeadLetterSource.CHANNEL ? "hub.channel_dead_letter" : "hub.cdc_dead_letter";
        List<Stored> claimed = jdbc.query("update " + table + " set resolved_at = now(), resolution = ?, resolved_by = ?, resolution_note = ?"
                        + " where id = ? and resolved_at is null returning "
                        + (source == DeadLetterSource.CHANNEL ? "source_topic, message_key, payload" : "island || coalesce(' ' || source_table, ''), null, convert_to(payload, 'UTF8')"),
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3)), resolution, actor, note, id);
        if (claimed.isEmpty()) {
            Integer exists = jdbc.queryForObject("select count(*) from " + table + " where id = ?", Integer.class, id);
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
