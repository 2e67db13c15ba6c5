package org.retailhub.domain.consistency;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.domain.inventory.StockMovements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The golden records, with every change of master data (articles, prices, customers) written to the audit trail in
 * the same transaction: who (the island that owns it and, where its row names one, the island's own user; {@code hub}
 * for reconciliation repairs and island documents), what (kind, key and the changed fields) and when. Customers are
 * personal data: their line names the changed fields, never the values. Stock moves with every sale and is left out.
 * The owner's value written back on an island after a conflicting change is recorded too ({@code Restore}).
 * The island's user comes from the captured change being applied.
 */
public class AuditedGoldenRecords extends GoldenRecords {

    /** Columns in which the islands name the user who made a change (ERP {@code aenam}, CRM {@code modified_by}). */
    private static final List<String> NATIVE_USER_COLUMNS = List.of("aenam", "modified_by");
    private static final Set<EntityKind> AUDITED = EnumSet.of(EntityKind.ARTICLE, EntityKind.PRICE, EntityKind.CUSTOMER);

    private final AuditTrail trail;
    private final ThreadLocal<String> applying = new ThreadLocal<>();

    public AuditedGoldenRecords(JdbcTemplate jdbc, TransactionTemplate transactions, PersonalDataSeal seal, StockMovements movements,
                                AuditTrail trail) {
        super(jdbc, transactions, seal, movements);
        this.trail = trail;
    }

    @Override
    public Applied apply(CanonicalRecord record, IslandChange change) {
        String user = nativeUser(change);
        applying.set(change.island().name() + (user == null ? "" : ":" + user));
        try {
            return super.apply(record, change);
        } finally {
            applying.remove();
        }
    }

    @Override
    public boolean put(CanonicalRecord record) {
        if (!AUDITED.contains(record.kind())) {
            return super.put(record);
        }
        Optional<CanonicalRecord> before = get(record.kind(), record.key());
        boolean changed = super.put(record);
        if (changed) {
            trail.record(actor(), before.isEmpty() ? "Create" : "Change", subjectType(record.kind()), record.key(),
                    changedFields(before.orElse(null), record));
        }
        return changed;
    }

    @Override
    public void remove(EntityKind kind, String key) {
        boolean held = kind == EntityKind.CUSTOMER && get(kind, key).isPresent();
        super.remove(kind, key);
        if (held) {
            trail.record(actor(), "Retire", subjectType(kind), key, null);
        }
    }

    /** {@code Restore} by {@code hub}: which island got the owner's value back, and the fields it had changed. */
    @Override
    public void restored(Island island, CanonicalRecord islandsValue, CanonicalRecord ownersValue) {
        trail.record("hub", "Restore", subjectType(ownersValue.kind()), ownersValue.key(),
                island + " had changed " + changedFields(ownersValue, islandsValue) + "; the owner's value is back");
    }

    private String actor() {
        String actor = applying.get();
        return actor == null ? "hub" : actor;
    }

    /** {@code field: old -> new} for each changed field; for personal data (customers) only the field names. */
    static String changedFields(CanonicalRecord before, CanonicalRecord after) {
        List<String> changes = new ArrayList<>();
        for (RecordComponent field : after.getClass().getRecordComponents()) {
            Object now = value(field, after);
            Object was = before == null ? null : value(field, before);
            if (!Objects.equals(was, now)) {
                changes.add(after.kind() == EntityKind.CUSTOMER ? field.getName() : field.getName() + ": " + was + " -> " + now);
            }
        }
        return (after.kind() == EntityKind.CUSTOMER ? "fields " : "") + String.join(", ", changes);
    }

    private static Object value(RecordComponent field, CanonicalRecord record) {
        try {
            return field.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + field.getName() + " of " + record.kind(), e);
        }
    }

    private static String subjectType(EntityKind kind) {
        return kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String nativeUser(IslandChange change) {
        return NATIVE_USER_COLUMNS.stream().map(change::text).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
