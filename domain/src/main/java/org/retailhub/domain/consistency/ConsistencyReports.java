package org.retailhub.domain.consistency;

import java.math.BigDecimal;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
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

    /**
     * A mismatch of a stored report as a reader may see it: for a reader without access to personal data a customer's
     * key and detail are withheld ({@code null}), every other detail is masked all the same.
     */
    public record MismatchShown(EntityKind kind, String key, String detail) {
    }

    private static final int MAX_MISMATCHES_KEPT = 500;

    private final JdbcTemplate jdbc;
    private final UnaryOperator<String> mask;

    /** @param mask removes personal data from a mismatch's detail before anyone reads it */
    public ConsistencyReports(JdbcTemplate jdbc, UnaryOperator<String> mask) {
        this.jdbc = jdbc;
        this.mask = mask;
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
        return jdbc.query("select * from hub.consistency_report order by id desc limit 1", this::stored).stream().findFirst();
    }

    /** The last {@code runs} reports, oldest first, each with its kinds: how consistency went over time. */
    public List<Stored> trend(int runs) {
        List<Stored> oldestFirst = new ArrayList<>(jdbc.query("select * from hub.consistency_report order by id desc limit ?", this::stored, runs));
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** How many mismatches of each kind a report kept (every kind named, zero included). */
    public Map<EntityKind, Integer> mismatchCounts(long reportId) {
        Map<EntityKind, Integer> counts = new EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            counts.put(kind, 0);
        }
        jdbc.query("select kind, count(*) from hub.consistency_mismatch where report_id = ? group by kind",
                rs -> { counts.put(EntityKind.valueOf(rs.getString(1)), rs.getInt(2)); }, reportId);
        return counts;
    }

    /**
     * A report's mismatches (of one kind, or all), at most {@code limit}, as a reader may see them.
     *
     * @param personalData whether the reader may see customers' keys and details (operators); details are masked all the same
     */
    public List<MismatchShown> mismatches(long reportId, Optional<EntityKind> kind, int limit, boolean personalData) {
        String sql = "select kind, record_key, detail from hub.consistency_mismatch where report_id = ?"
                + (kind.isPresent() ? " and kind = ?" : "") + " order by kind, record_key limit ?";
        Object[] args = kind.isPresent() ? new Object[] {reportId, kind.get().name(), limit} : new Object[] {reportId, limit};
        return jdbc.query(sql, (rs, n) -> {
            EntityKind of = EntityKind.valueOf(rs.getString(1));
            boolean withheld = of == EntityKind.CUSTOMER && !personalData;
            return new MismatchShown(of, withheld ? null : rs.getString(2), withheld ? null : mask.apply(rs.getString(3)));
        }, args);
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(), rs.getString("stage"), rs.getInt("records"),
                rs.getInt("consistent"), rs.getBigDecimal("percent"), rs.getInt("repaired"), rs.getInt("decisions"), kinds(rs.getLong("id")));
    }

    private List<KindPercent> kinds(long reportId) {
        return jdbc.query("select kind, records, consistent, percent from hub.consistency_report_kind where report_id = ? order by kind",
                (rs, n) -> new KindPercent(EntityKind.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4)), reportId);
    }
}
