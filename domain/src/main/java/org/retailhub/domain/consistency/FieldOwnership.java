package org.retailhub.domain.consistency;

import java.util.EnumMap;
import java.util.Map;

/**
 * Who is master of which fields: only the owner's changes reach the golden record and the other islands; another
 * island's disagreeing change is a conflict. The hub owns what no island may change (reservations).
 */
public final class FieldOwnership {

    private final Map<EntityKind, Island> owners;

    /** ERP owns article master, list price and stock; the CRM owns customers (contact and loyalty); overrides win. */
    public FieldOwnership(Map<EntityKind, Island> overrides) {
        EnumMap<EntityKind, Island> owners = new EnumMap<>(EntityKind.class);
        owners.put(EntityKind.ARTICLE, Island.ERP);
        owners.put(EntityKind.PRICE, Island.ERP);
        owners.put(EntityKind.STOCK, Island.ERP);
        owners.put(EntityKind.CUSTOMER, Island.CRM);
        owners.putAll(overrides);
        this.owners = Map.copyOf(owners);
    }

    public static FieldOwnership defaults() {
        return new FieldOwnership(Map.of());
    }

    public Island owner(EntityKind kind) {
        return owners.get(kind);
    }

    public Map<EntityKind, Island> owners() {
        return owners;
    }
}
