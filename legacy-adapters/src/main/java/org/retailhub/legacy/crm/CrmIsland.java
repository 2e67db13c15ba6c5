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

/**
 * The CRM's contacts in the hub's language: customer numbers {@code C0000123}, names split, optional email. Changes
 * come in through CDC on the CRM's {@code contact} table (agents work in the CRM's own screens); the hub reads and
 * writes customers only through the CRM's JSON API ({@link CrmCustomers}), as the calling user {@link Island#HUB_WRITER}.
 * A contact's {@code track_consent} ({@code Y} granted) is the customer's consent to tracking, carried with the change.
 */
public class CrmIsland implements IslandSystem {

    private static final java.util.regex.Pattern CUSTOMER_NUMBER = java.util.regex.Pattern.compile("C\\d{7}");

    private final CrmCustomers crm;
    private final KeyCrossReference keys;

    public CrmIsland(CrmCustomers crm, KeyCrossReference keys) {
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
        boolean echo = Island.HUB_WRITER.equals(change.text("modified_by"));
        String number = change.required("cust_no");
        // the hub links a customer it created only once the CRM answered with the number: its echo may come first
        String id = echo ? keys.hubKey(Subject.CUSTOMER, Island.CRM, number).orElse("?" + number) : keys.customerOf(Island.CRM, number);
        // consent to tracking: Y granted; N withdrawn and null never asked are not
        return IslandReading.of(echo, new Customer(id, name(change.text("first_name"), change.required("last_name")), lower(change.text("email")),
                points == null ? 0 : points)).withConsent("Y".equals(change.text("track_consent")));
    }

    @Override
    public Map<String, CanonicalRecord> all(EntityKind kind) {
        Map<String, CanonicalRecord> found = new LinkedHashMap<>();
        if (kind == EntityKind.CUSTOMER) {
            crm.all().stream().filter(CrmCustomer::isActive).forEach(c -> {
                String id = keys.hubKey(Subject.CUSTOMER, Island.CRM, c.customerNo()).orElse("?" + c.customerNo());
                found.put(id, new Customer(id, name(c.firstName(), c.lastName()), lower(c.email()), c.loyaltyPoints() == null ? 0 : c.loyaltyPoints()));
            });
        }
        return found;
    }

    /**
     * Creates the customer in the CRM (idempotent by the hub's id) or replaces its fields. The CRM writes only what
     * differs but does not say whether it did, so this answers true for every accepted call.
     */
    @Override
    public boolean write(CanonicalRecord record) {
        if (!(record instanceof Customer c)) {
            return false;
        }
        int space = c.name().lastIndexOf(' ');
        CrmCustomer sent = CrmCustomer.edit(space < 0 ? null : c.name().substring(0, space), space < 0 ? c.name() : c.name().substring(space + 1),
                c.email(), c.loyaltyPoints(), true, c.customerId());
        String number = keys.nativeKey(Subject.CUSTOMER, c.customerId(), Island.CRM).orElse(null);
        if (number == null) {
            keys.link(Subject.CUSTOMER, c.customerId(), Island.CRM, crm.create(sent).customerNo());
            return true;
        }
        crm.update(number, sent);
        return true;
    }

    @Override
    public void retire(EntityKind kind, String key) {
        String number = key.startsWith("?") ? key.substring(1) : keys.nativeKey(Subject.CUSTOMER, key, Island.CRM).orElse(null);
        // an unlinked key of another island (a POS card number) names nothing in the CRM
        if (kind != EntityKind.CUSTOMER || number == null || !CUSTOMER_NUMBER.matcher(number).matches()) {
            return;
        }
        CrmCustomer c = crm.get(number);
        if (c.isActive()) {
            crm.update(number, CrmCustomer.edit(c.firstName(), c.lastName(), c.email(), c.loyaltyPoints() == null ? 0 : c.loyaltyPoints(), false,
                    c.externalRef()));
        }
    }

    private static String name(String first, String last) {
        return first == null || first.isBlank() ? last.strip() : first.strip() + " " + last.strip();
    }

    private static String lower(String email) {
        return email == null ? null : email.toLowerCase();
    }
}
