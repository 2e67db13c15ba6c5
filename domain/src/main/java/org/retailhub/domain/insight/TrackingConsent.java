package org.retailhub.domain.insight;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.retailhub.domain.consistency.ConsentRegister;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may be tracked: each golden customer's tracking consent as the CRM states it ({@code hub.tracking_consent}, kept
 * by the CRM's change capture through {@link ConsentRegister}).
 * A customer without a row has not consented; an erased customer is unknown. The beacons read it on every event
 * ({@link #of}); the query path may read an answer up to {@code freshness} old ({@link #recently}), and a change
 * recorded on this instance forgets those answers at once.
 */
public class TrackingConsent implements ConsentRegister {

    private static final int MOST_REMEMBERED = 10_000;

    private final JdbcTemplate jdbc;
    private final RecentAnswers<String, Optional<Consent>> recent;

    public TrackingConsent(JdbcTemplate jdbc, Duration freshness) {
        this.jdbc = jdbc;
        this.recent = new RecentAnswers<>(freshness, MOST_REMEMBERED);
    }

    /** As {@link #of}, but an answer up to the freshness old will do (for queries, never for tracking). */
    public Optional<Consent> recently(String customer) {
        return recent.get(customer, this::of);
    }

    /** The customer, by golden id or CRM customer number, joined to the golden id, with their consent; empty if unknown. */
    public Optional<Consent> of(String customer) {
        List<Consent> found = jdbc.query("""
                        select c.customer_id, coalesce(t.granted, false) as granted
                        from hub.customer c left join hub.tracking_consent t on t.customer_id = c.customer_id
                        where c.erased_at is null
                          and (c.customer_id = ? or c.customer_id = (select x.hub_key from hub.key_xref x
                                where x.kind = 'CUSTOMER' and x.island = 'CRM' and x.native_key = ?))""",
                (rs, n) -> new Consent(rs.getString("customer_id"), rs.getBoolean("granted")), customer, customer);
        return found.stream().findFirst();
    }

    /** Records a customer's consent (granted or withdrawn) and where it came from, e.g. {@code CRM}. */
    @Override
    public void record(String customerId, boolean granted, String source) {
        jdbc.update("""
                insert into hub.tracking_consent (customer_id, granted, source) values (?, ?, ?)
                on conflict (customer_id) do update set granted = excluded.granted, source = excluded.source, changed_at = now()
                where (hub.tracking_consent.granted, hub.tracking_consent.source) is distinct from (excluded.granted, excluded.source)""",
                customerId, granted, source);
        recent.forget();
    }

    /** A known customer's golden id and whether they may be tracked. */
    public record Consent(String customerId, boolean granted) {
    }
}
