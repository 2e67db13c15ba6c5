package org.retailhub.legacy.crm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.retailhub.domain.consistency.CanonicalRecord;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.retailhub.domain.consistency.EntityKind;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.consistency.IslandReading;
import org.retailhub.domain.consistency.IslandSystem;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.domain.consistency.KeyCrossReference.Subject;
import org.springframework.jdbc.core.JdbcTemplate;

/** The CRM's contacts in the hub's language: customer numbers {@code C0000123}, names split, optional email. */
public class CrmIsland implements IslandSystem {

    private final JdbcTemplate crm;
    private final KeyCrossReference keys;

    public CrmIsland(JdbcTemplate crm, KeyCrossReference keys) {
        this.crm = crm;
        this.keys = keys;
    }

    @Override
    public Island island() {
        return Island.CRM;
    }

    @Override
    public Set<EntityKind> holds() {
        return Set.of(EntityKind.CUSTOMER);
    }

    @Override
    public IslandReading read(IslandChange change) {
        if (!"contact".equals(change.table()) || change.isDelete() || Boolean.parseBoolean(change.text("deleted"))) {
            return IslandReading.nothing();
        }
        Integer points = change.integer("loyalty_points");
        return IslandReading.of(Island.HUB_WRITER.equals(change.text("modified_by")),
                new Customer(keys.customerOf(Island.CRM, change.required("cust_no")),
                        name(change.text("first_name"), change.required("last_name")), lower(change.text("email")), points == null ? 0 : points));
    }

    @Override
    public Map<String, CanonicalRecord> all(EntityKind kind) {
        Map<String, CanonicalRecord> found = new LinkedHashMap<>();
        if (kind == EntityKind.CUSTOMER) {
            crm.query("select cust_no, first_name, last_name, email, loyalty_points from contact where not deleted order by cust_no", rs -> {
                String id = keys.hubKey(Subject.CUSTOMER, Island.CRM, rs.getString("cust_no")).orElse("?" + rs.getString("cust_no"));
                found.put(id, new Customer(id, name(rs.getString("first_name"), rs.getString("last_name")), lower(rs.getString("email")),
                        rs.getInt("loyalty_points")));
            });
        }
        return found;
    }

    @Override
    public boolean write(CanonicalRecord record) {
        if (!(record instanceof Customer c)) {
            return false;
        }
        int space = c.name().lastIndexOf(' ');
        String first = space < 0 ? null : c.name().substring(0, space);
        String last = space < 0 ? c.name() : c.name().substring(space + 1);
        String number = keys.nativeKey(Subject.CUSTOMER, c.customerId(), Island.CRM).orElse(null);
        if (number == null) {
            number = "C" + String.format("%07d", crm.queryForObject("select nextval('contact_seq')", Long.class));
            keys.link(Subject.CUSTOMER, c.customerId(), Island.CRM, number);
            return crm.update("insert into contact (cust_no, first_name, last_name, email, loyalty_points, modified_by) values (?, ?, ?, ?, ?, ?)",
                    number, first, last, c.email(), c.loyaltyPoints(), Island.HUB_WRITER) > 0;
        }
        return crm.update("update contact set first_name = ?, last_name = ?, email = ?, loyalty_points = ?, deleted = false, modified_by = ?, "
                        + "modified_at = now() where cust_no = ? and (first_name, last_name, lower(email), loyalty_points, deleted) "
                        + "is distinct from (?, ?, ?, ?, false)",
                first, last, c.email(), c.loyaltyPoints(), Island.HUB_WRITER, number, first, last, c.email(), c.loyaltyPoints()) > 0;
    }

    @Override
    public void retire(EntityKind kind, String key) {
        String number = key.startsWith("?") ? key.substring(1) : keys.nativeKey(Subject.CUSTOMER, key, Island.CRM).orElse(null);
        if (kind == EntityKind.CUSTOMER && number != null) {
            crm.update("update contact set deleted = true, modified_by = ?, modified_at = now() where cust_no = ?", Island.HUB_WRITER, number);
        }
    }

    private static String name(String first, String last) {
        return first == null || first.isBlank() ? last.strip() : first.strip() + " " + last.strip();
    }

    private static String lower(String email) {
        return email == null ? null : email.toLowerCase();
    }
}
