package org.retailhub.domain.consistency;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Stored reconciliation reports (tables {@code hub.consistency_report*}); the latest one is what the API and the metric show. */
public class ConsistencyReports {

    /** A stored report as the API shows it. */
    public record Stored(long id, Instant createdAt, String stage, int records, int consistent, BigDecimal percent, int repaired,
                         int decisions, List<KindPercent> kinds) {
    }

    /** One kind's share of consistent records. */
    public record KindPercent(EntityKind kind, int records, int consistent, BigDecimal percent) {
    }

    private static final int MAX_MISMATCHES_KEPT = 500;

    private final JdbcTemplate jdbc;

    public ConsistencyReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long save(ConsistencyReport report, String stage, int repaired) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into hub.consistency_report (stage, records, consistent, percent, repaired, decisions) "
                    + "values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, stage);
            ps.setInt(2, report.records());
            ps.setInt(3, report.consistent());
            ps.setBigDecimal(4, report.percent());
            ps.setInt(5, repaired);
            ps.setInt(6, report.decisions().size());
            return ps;
        }, key);
        long id = key.getKey().longValue();
        report.kinds().forEach(t -> jdbc.update("insert into hub.consistency_report_kind (report_id, kind, records, consistent, percent) values (?, ?, ?, ?, ?)",
                id, t.kind().name(), t.records(), t.consistent(), t.percent()));
        jdbc.batchUpdate("insert into hub.consistency_mismatch (report_id, kind, record_key, detail) values (?, ?, ?, ?)",
                report.mismatches().stream().limit(MAX_MISMATCHES_KEPT).map(m -> new Object[] {id, m.kind().name(), m.key(),
                        m.detail().length() > 1000 ? m.detail().substring(0, 1000) : m.detail()}).toList());
        return id;
    }

    public Optional<Stored> latest() {
        List<Stored> found = jdbc.query("select * from hub.consistency_report order by id desc limit 1", (rs, n) -> new Stored(
                rs.getLong("id"), rs.getTimestamp("created_at").toInstant(), rs.getString("stage"), rs.getInt("records"), rs.getInt("consistent"),
                rs.getBigDecimal("percent"), rs.getInt("repaired"), rs.getInt("decisions"), kinds(rs.getLong("id"))));
        return found.stream().findFirst();
    }

    private List<KindPercent> kinds(long reportId) {
        return jdbc.query("select kind, records, consistent, percent from hub.consistency_report_kind where report_id = ? order by kind",
                (rs, n) -> new KindPercent(EntityKind.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4)), reportId);
    }
}
