package org.retailhub.domain.consistency;

import org.springframework.jdbc.core.JdbcTemplate;

/** Captured changes the hub could not apply, with the reason and the original payload (table {@code hub.cdc_dead_letter}). */
public class DeadLetters {

    /** The payload of a dead letter whose personal data was erased on request. */
    static final String ERASED = "{\"erased\":\"personal data removed on request\"}";

    private final JdbcTemplate jdbc;

    public DeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(IslandChange change, String reason) {
        record(change.island(), change.table(), change.position(), reason, change.payload());
    }

    /** A line or document of an island's file that could not be applied; {@code source} names the file. */
    public void record(Island island, String source, long position, String reason, String payload) {
        String why = reason == null ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        jdbc.update("insert into hub.cdc_dead_letter (island, source_table, position, reason, payload) values (?, ?, ?, ?, ?)",
                island.name(), source, position, why, payload == null ? "" : payload);
    }

    /**
     * Removes the original payload (and a reason that quotes them) of every dead letter mentioning one of {@code terms},
     * case-insensitive: personal data erased on request. Returns how many letters were redacted.
     */
    public int redact(java.util.List<String> terms) {
        int redacted = 0;
        for (String term : terms) {
            redacted += jdbc.update("update hub.cdc_dead_letter set payload = ?, reason = case when strpos(lower(reason), lower(?)) > 0 "
                            + "then 'reason withheld: personal data erased on request' else reason end "
                            + "where payload <> ? and (strpos(lower(payload), lower(?)) > 0 or strpos(lower(reason), lower(?)) > 0)",
                    ERASED, term, ERASED, term, term);
        }
        return redacted;
    }

    public int open() {
        Integer n = jdbc.queryForObject("select count(*) from hub.cdc_dead_letter where resolved_at is null", Integer.class);
        return n == null ? 0 : n;
    }
}
