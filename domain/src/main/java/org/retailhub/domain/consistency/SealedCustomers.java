package org.retailhub.domain.consistency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The golden customers in {@code hub.customer}, name and e-mail sealed with {@link PersonalDataSeal} (the key's id in
 * each row). Sealed values differ at every write, so customers are compared opened, here, not in SQL. A customer
 * whose personal data was erased stays as a tombstone ({@code erased_at}): nothing personal is written to it again.
 */
final class SealedCustomers {

    private static final String COLUMNS = "customer_id, key_id, name_sealed, email_sealed, name_unsealed, email_unsealed, loyalty_points, erased_at";

    /** A row as the hub holds it; an erased one carries no name or e-mail. */
    private record Row(Customer customer, boolean erased) {
    }

    private final JdbcTemplate jdbc;
    private final PersonalDataSeal seal;

    SealedCustomers(JdbcTemplate jdbc, PersonalDataSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    /** Writes the customer sealed when it differs from what the hub holds; never into an erased customer. */
    boolean put(Customer c) {
        Optional<Row> held = row(c.customerId());
        if (held.isPresent() && (held.get().erased() || held.get().customer().equals(c))) {
            return false;
        }
        return jdbc.update("insert into hub.customer (customer_id, key_id, name_sealed, email_sealed, loyalty_points) values (?, ?, ?, ?, ?) "
                        + "on conflict (customer_id) do update set key_id = excluded.key_id, name_sealed = excluded.name_sealed, "
                        + "email_sealed = excluded.email_sealed, loyalty_points = excluded.loyalty_points, name_unsealed = null, email_unsealed = null "
                        + "where hub.customer.erased_at is null",
                c.customerId(), seal.currentKeyId(), seal.seal(c.customerId(), "name", c.name()), seal.seal(c.customerId(), "email", c.email()),
                c.loyaltyPoints()) > 0;
    }

    /** Every customer that is not erased, opened; or only {@code only}. */
    Map<String, CanonicalRecord> all(String only) {
        Map<String, CanonicalRecord> found = new LinkedHashMap<>();
        rows(only).stream().filter(r -> !r.erased()).forEach(r -> found.put(r.customer().customerId(), r.customer()));
        return found;
    }

    /** Keys of the customers whose personal data was erased. */
    Set<String> erased() {
        return new HashSet<>(jdbc.queryForList("select customer_id from hub.customer where erased_at is not null", String.class));
    }

    boolean isErased(String customerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from hub.customer where customer_id = ? and erased_at is not null)",
                Boolean.class, customerId));
    }

    /** Removes a merged-away duplicate altogether. */
    void remove(String customerId) {
        jdbc.update("delete from hub.customer where customer_id = ?", customerId);
    }

    /**
     * Empties the customer's personal data (and loyalty balance) and keeps the row as a tombstone. Answers what the hub
     * held before, opened (name and e-mail are null when it was erased already); empty for a customer the hub does not know.
     */
    Optional<Customer> erase(String customerId) {
        Optional<Row> held = row(customerId);
        held.ifPresent(r -> jdbc.update("update hub.customer set name_sealed = null, email_sealed = null, name_unsealed = null, email_unsealed = null, "
                + "key_id = null, loyalty_points = 0, erased_at = coalesce(erased_at, now()) where customer_id = ?", customerId));
        return held.map(Row::customer);
    }

    /** Seals what is still in clear (rows from before sealing) or sealed with a previous key; returns how many rows. */
    int reseal() {
        List<Row> stale = jdbc.query("select " + COLUMNS + " from hub.customer where erased_at is null and (name_unsealed is not null "
                + "or email_unsealed is not null or key_id is distinct from ?) for update", this::toRow, seal.currentKeyId());
        for (Row r : stale) {
            Customer c = r.customer();
            jdbc.update("update hub.customer set key_id = ?, name_sealed = ?, email_sealed = ?, name_unsealed = null, email_unsealed = null "
                    + "where customer_id = ?", seal.currentKeyId(), seal.seal(c.customerId(), "name", c.name()),
                    seal.seal(c.customerId(), "email", c.email()), c.customerId());
        }
        return stale.size();
    }

    private Optional<Row> row(String customerId) {
        return rows(customerId).stream().findFirst();
    }

    private List<Row> rows(String only) {
        return only == null ? jdbc.query("select " + COLUMNS + " from hub.customer", this::toRow)
                : jdbc.query("select " + COLUMNS + " from hub.customer where customer_id = ?", this::toRow, only);
    }

    private Row toRow(ResultSet rs, int n) throws SQLException {
        String id = rs.getString("customer_id");
        String keyId = rs.getString("key_id");
        // a row from before sealing is still in clear until the next start seals it
        boolean unsealed = rs.getString("name_unsealed") != null;
        String name = unsealed ? rs.getString("name_unsealed") : seal.open(keyId, id, "name", rs.getBytes("name_sealed"));
        String email = unsealed ? rs.getString("email_unsealed") : seal.open(keyId, id, "email", rs.getBytes("email_sealed"));
        return new Row(new Customer(id, name, email, rs.getInt("loyalty_points")), rs.getTimestamp("erased_at") != null);
    }
}
