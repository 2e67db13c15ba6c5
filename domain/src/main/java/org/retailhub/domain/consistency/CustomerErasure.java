package org.retailhub.domain.consistency;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.retailhub.domain.consistency.KeyCrossReference.Subject;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure of a customer's personal data on request. In the hub, in one transaction: the golden customer keeps its id
 * as a tombstone and nothing else ({@link GoldenRecords#eraseCustomer}), dead letters that carry the customer's data
 * lose their payload, and the audit trail records who asked (never the values). Orders and reports do not hold
 * customers' personal data and stay as they are. Then the islands: every island that keeps a copy for the hub (the
 * POS loyalty card) erases it; the owner (the CRM) retires the customer, and erases its own record by its own
 * procedure (it may have to keep some of it by law). The tombstone and the owner's key in the cross-reference stay,
 * so a later change of that customer in the CRM is recognised and not taken in again (CDC: {@code ERASED};
 * reconciliation leaves erased customers out). Last, whatever keeps traces of the customer outside the hub's tables
 * forgets them ({@link CustomerTraces}: the insight profile). Repeating an erasure is harmless and finishes islands
 * and traces that failed.
 */
public class CustomerErasure {

    /** What the erasure did, per island and per kind of trace: done, or why not (the hub's part is done in either case). */
    public record Erased(String customerId, int deadLettersRedacted, Map<Island, String> islands, Map<String, String> traces, boolean complete) {
    }

    /** No golden customer with this id. */
    public static class UnknownCustomerException extends RuntimeException {
        public UnknownCustomerException(String customerId) {
            super("no customer " + customerId + " in the hub");
        }
    }

    private final List<IslandSystem> islands;
    private final GoldenRecords golden;
    private final KeyCrossReference keys;
    private final DeadLetters deadLetters;
    private final AuditTrail trail;
    private final FieldOwnership ownership;
    private final TransactionTemplate transactions;
    private final List<CustomerTraces> traces;

    public CustomerErasure(List<IslandSystem> islands, GoldenRecords golden, KeyCrossReference keys, DeadLetters deadLetters, AuditTrail trail,
                           FieldOwnership ownership, TransactionTemplate transactions, List<CustomerTraces> traces) {
        this.islands = islands;
        this.golden = golden;
        this.keys = keys;
        this.deadLetters = deadLetters;
        this.trail = trail;
        this.ownership = ownership;
        this.transactions = transactions;
        this.traces = traces;
    }

    /** Erases the customer's personal data in the hub, then in the islands; {@code requestedBy} is the audited user. */
    public Erased erase(String customerId, String requestedBy) {
        Integer redacted = transactions.execute(tx -> {
            Customer held = golden.eraseCustomer(customerId).orElseThrow(() -> new UnknownCustomerException(customerId));
            int n = deadLetters.redact(mentions(held));
            trail.record(requestedBy, "Erase", "Customer", customerId, "personal data erased in the hub, " + n + " dead letters redacted");
            return n;
        });
        Map<Island, String> done = new EnumMap<>(Island.class);
        for (IslandSystem island : islands) {
            if (island.holds().contains(EntityKind.CUSTOMER)) {
                done.put(island.island(), eraseIn(island, customerId));
            }
        }
        Map<String, String> forgotten = new java.util.TreeMap<>();
        traces.forEach(t -> forgotten.put(t.name(), forget(t, customerId)));
        boolean complete = java.util.stream.Stream.concat(done.values().stream(), forgotten.values().stream()).noneMatch(r -> r.startsWith("failed"));
        trail.record(requestedBy, "Erase", "Customer", customerId, "islands: " + done + (forgotten.isEmpty() ? "" : ", traces: " + forgotten));
        return new Erased(customerId, redacted == null ? 0 : redacted, done, forgotten, complete);
    }

    private static String forget(CustomerTraces kept, String customerId) {
        try {
            kept.forget(customerId);
            return "forgotten";
        } catch (RuntimeException e) {
            return "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private String eraseIn(IslandSystem island, String customerId) {
        try {
            if (ownership.owner(EntityKind.CUSTOMER) == island.island()) {
                island.retire(EntityKind.CUSTOMER, customerId);
                return "retired; the owner erases its own record";
            }
            island.erase(customerId);
            return "erased";
        } catch (RuntimeException e) {
            // the island's refusal names fields, never values; the message is the operator's clue
            return "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** What identifies the customer in a captured payload: the islands' keys, the e-mail and the name. */
    private List<String> mentions(Customer held) {
        List<String> found = new ArrayList<>();
        for (Island island : List.of(Island.CRM, Island.POS)) {
            keys.nativeKey(Subject.CUSTOMER, held.customerId(), island).ifPresent(found::add);
        }
        found.add(held.email());
        found.add(held.name());
        return found.stream().filter(Objects::nonNull).toList();
    }
}
