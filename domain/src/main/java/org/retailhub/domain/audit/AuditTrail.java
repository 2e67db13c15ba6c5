package org.retailhub.domain.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The append-only audit trail in {@code hub.audit_event}: who deployed, retried, approved or changed what. It can only
 * grow (the table refuses updates and deletes); records join the caller's transaction, so an undone action leaves no line.
 */
public class AuditTrail {

    private static final int MAX_TEXT = 1000;

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one line; {@code actor}, {@code action} and {@code subjectType} are required. */
    public void record(String actor, String action, String subjectType, String subjectId, String detail) {
        jdbc.update("insert into hub.audit_event (actor, action, subject_type, subject_id, detail) values (?, ?, ?, ?, ?)",
                clip(actor, 128), clip(action, 64), clip(subjectType, 64), clip(subjectId, 128), clip(detail, MAX_TEXT));
    }

    /** The newest lines first, optionally only those of one actor and/or one action; at most {@code limit}. */
    public List<AuditEntry> newest(String actor, String action, Instant since, int limit) {
        StringBuilder sql = new StringBuilder("select * from hub.audit_event where occurred_at >= ?");
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(since == null ? Instant.EPOCH : since));
        if (actor != null) {
            sql.append(" and actor = ?");
            args.add(actor);
        }
        if (action != null) {
            sql.append(" and action = ?");
            args.add(action);
        }
        sql.append(" order by id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("detail")), args.toArray());
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
