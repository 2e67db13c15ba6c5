package org.retailhub.domain.consistency;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.retailhub.domain.consistency.ConsistencyReport.DuplicateCustomers;
import org.retailhub.domain.consistency.ConsistencyReport.Mismatch;
import org.retailhub.domain.consistency.ConsistencyReport.Tally;

/**
 * Compares the hub and the islands entity by entity, repairs what field ownership decides (the owner's value wins
 * everywhere; a record the owner does not have is retired elsewhere) and merges duplicates an operator decided on.
 * Customers whose personal data was erased on request are left out: nothing brings their data back.
 */
public class Reconciliation {

    private final Map<Island, IslandSystem> islands = new EnumMap<>(Island.class);
    private final GoldenRecords golden;
    private final FieldOwnership ownership;
    private final ChangePropagation propagation;

    public Reconciliation(List<IslandSystem> islands, GoldenRecords golden, FieldOwnership ownership, ChangePropagation propagation) {
        islands.forEach(i -> this.islands.put(i.island(), i));
        this.golden = golden;
        this.ownership = ownership;
        this.propagation = propagation;
    }

    public ConsistencyReport compare() {
        List<Tally> tallies = new ArrayList<>();
        List<Mismatch> mismatches = new ArrayList<>();
        Set<String> erased = golden.erasedCustomers();
        List<DuplicateCustomers> duplicates = duplicates(erased);
        Set<String> duplicated = new LinkedHashSet<>();
        duplicates.forEach(d -> duplicated.addAll(d.customerKeys()));
        for (EntityKind kind : EntityKind.values()) {
            Map<String, CanonicalRecord> hub = golden.all(kind);
            Map<Island, Map<String, CanonicalRecord>> copies = copies(kind);
            Set<String> keys = new LinkedHashSet<>(hub.keySet());
            copies.values().forEach(m -> keys.addAll(m.keySet()));
            if (kind == EntityKind.CUSTOMER) {
                keys.removeAll(erased);
            }
            int consistent = 0;
            for (String key : keys) {
                String difference = difference(hub.get(key), copies, key);
                if (difference == null && !(kind == EntityKind.CUSTOMER && duplicated.contains(key))) {
                    consistent++;
                } else {
                    mismatches.add(new Mismatch(kind, key, difference == null ? "kept twice by " + ownership.owner(kind) : difference));
                }
            }
            tallies.add(new Tally(kind, keys.size(), consistent));
        }
        return new ConsistencyReport(tallies, mismatches, duplicates);
    }

    /** Repairs every mismatch that ownership decides; duplicates are left for the operator. Returns how many were repaired. */
    public int repair(ConsistencyReport report) {
        Set<String> undecided = new LinkedHashSet<>();
        report.decisions().forEach(d -> undecided.addAll(d.customerKeys()));
        int repaired = 0;
        for (Mismatch m : report.mismatches()) {
            if (m.kind() == EntityKind.CUSTOMER && undecided.contains(m.key())) {
                continue;
            }
            IslandSystem owner = islands.get(ownership.owner(m.kind()));
            CanonicalRecord truth = owner.all(m.kind()).get(m.key());
            if (truth != null && !m.key().startsWith("?")) {
                golden.put(truth);
                propagation.propagate(truth, owner.island());
            } else {
                retireEverywhere(m.kind(), m.key());
            }
            repaired++;
        }
        return repaired;
    }

    /** The operator's choice: {@code survivor} stays, the other customers of the group are retired in every island and the hub. */
    public void keepSurvivor(DuplicateCustomers group, String survivor) {
        if (!group.customerKeys().contains(survivor)) {
            throw new IllegalArgumentException("survivor " + survivor + " is not one of " + group.customerKeys());
        }
        group.customerKeys().stream().filter(k -> !k.equals(survivor)).forEach(k -> retireEverywhere(EntityKind.CUSTOMER, k));
    }

    private void retireEverywhere(EntityKind kind, String key) {
        for (IslandSystem island : islands.values()) {
            if (island.holds().contains(kind)) {
                island.retire(kind, key);
            }
        }
        golden.remove(kind, key);
    }

    /** The owner's records of the customers {@code keys} names (a duplicate group), in that order; keys it no longer has are left out. */
    public List<Customer> customers(List<String> keys) {
        Map<String, CanonicalRecord> owned = islands.get(ownership.owner(EntityKind.CUSTOMER)).all(EntityKind.CUSTOMER);
        return keys.stream().map(owned::get).filter(Objects::nonNull).map(Customer.class::cast).toList();
    }

    private List<DuplicateCustomers> duplicates(Set<String> erased) {
        Map<String, List<String>> byEmail = new LinkedHashMap<>();
        islands.get(ownership.owner(EntityKind.CUSTOMER)).all(EntityKind.CUSTOMER).values().stream()
                .map(Customer.class::cast)
                .filter(c -> c.email() != null && !erased.contains(c.customerId()))
                .forEach(c -> byEmail.computeIfAbsent(c.email(), e -> new ArrayList<>()).add(c.customerId()));
        return byEmail.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> new DuplicateCustomers(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private Map<Island, Map<String, CanonicalRecord>> copies(EntityKind kind) {
        Map<Island, Map<String, CanonicalRecord>> copies = new EnumMap<>(Island.class);
        islands.values().stream().filter(i -> i.holds().contains(kind)).forEach(i -> copies.put(i.island(), i.all(kind)));
        return copies;
    }

    private String difference(CanonicalRecord hub, Map<Island, Map<String, CanonicalRecord>> copies, String key) {
        List<String> differences = new ArrayList<>();
        if (hub == null) {
            differences.add("missing in HUB");
        }
        copies.forEach((island, records) -> {
            CanonicalRecord copy = records.get(key);
            if (copy == null) {
                differences.add("missing in " + island);
            } else if (hub != null && !Objects.equals(copy, islands.get(island).asStored(hub))) {
                // a customer's values are personal data: the report names the fields that differ
                differences.add(hub.kind() == EntityKind.CUSTOMER ? island + " differs from HUB in " + AuditedGoldenRecords.changedFields(hub, copy)
                        : island + " has " + copy + ", HUB " + hub);
            }
        });
        return differences.isEmpty() ? null : String.join("; ", differences);
    }
}
