package org.retailhub.domain.loyalty;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many customers come back (the seed's repurchase rate): of the loyalty cards with a purchase in the
 * {@value #WINDOW_DAYS} days up to the newest purchase the hub holds, the share that bought on two receipts or more.
 * A purchase is a receipt (store, receipt number, day) on which a loyalty card was shown; the hub holds them in the sales
 * history the data migration brought over ({@code hub.migrated_sale}). Orders from the channels carry no customer
 * identity, so they cannot count. Only counts leave the database: no card number.
 */
public class Repurchases {

    public static final int WINDOW_DAYS = 90;

    /**
     * @param share     returning customers per customer in the window, 0 to 1
     * @param customers loyalty cards with a purchase in the window
     * @param returning of those, the cards with two or more receipts in it
     * @param windowEnd the day of the newest purchase: the window is the {@value #WINDOW_DAYS} days up to it
     */
    public record Rate(double share, long customers, long returning, LocalDate windowEnd) {
    }

    private final JdbcTemplate jdbc;

    public Repurchases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rate over the window up to the newest purchase; empty while the hub holds no purchase with a loyalty card. */
    public Optional<Rate> rate() {
        return jdbc.query("""
                with newest as (select max(sold_on) as day from hub.migrated_sale where loyalty_card is not null),
                     per_card as (select s.loyalty_card, count(distinct (s.store_id, s.receipt_no, s.sold_on)) as receipts
                                    from hub.migrated_sale s, newest
                                   where s.loyalty_card is not null and s.sold_on > newest.day - ?
                                   group by s.loyalty_card)
                select newest.day, (select count(*) from per_card), (select count(*) from per_card where receipts >= 2)
                  from newest where newest.day is not null""",
                (rs, n) -> {
                    long customers = rs.getLong(2);
                    long returning = rs.getLong(3);
                    return new Rate((double) returning / customers, customers, returning, rs.getObject(1, LocalDate.class));
                }, WINDOW_DAYS).stream().findFirst();
    }
}
