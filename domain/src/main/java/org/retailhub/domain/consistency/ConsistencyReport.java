package org.retailhub.domain.consistency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The outcome of comparing the islands entity by entity: per kind how many records agree everywhere, what differs,
 * and which differences need a person (duplicate customers).
 */
public record ConsistencyReport(List<Tally> kinds, List<Mismatch> mismatches, List<DuplicateCustomers> decisions) {

    /** Records of one kind: a record is consistent when the hub and every island that keeps the kind hold the same value. */
    public record Tally(EntityKind kind, int records, int consistent) {
        public BigDecimal percent() {
            return ConsistencyReport.percent(consistent, records);
        }
    }

    /** One record that differs; {@code detail} names the islands and values. */
    public record Mismatch(EntityKind kind, String key, String detail) {
    }

    /** Customers the owner keeps more than once (same email): an operator chooses which one survives. */
    public record DuplicateCustomers(String email, List<String> customerKeys) {
    }

    public int records() {
        return kinds.stream().mapToInt(Tally::records).sum();
    }

    public int consistent() {
        return kinds.stream().mapToInt(Tally::consistent).sum();
    }

    public BigDecimal percent() {
        return percent(consistent(), records());
    }

    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? BigDecimal.valueOf(100).setScale(2)
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.DOWN);
    }
}
