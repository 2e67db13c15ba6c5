package org.retailhub.legacy.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.migration.Reject;

/** An archived till line to the canonical row: the hub's keys, a strict date, cents to an amount; and its rules. */
class SaleTransformationTest {

    private final SaleTransformation sales = new SaleTransformation(null, LocalDate.of(2026, 11, 30), Map.of(11, "STORE-001"),
            Map.of(4001, "SKU-0001"));

    private static LegacySale line(int store, String soldOn, int plu, int qty, int cents, boolean known, boolean duplicate) {
        return new LegacySale(5, store, 77, 1, soldOn, plu, qty, cents, " 9800000000000003 ", known, duplicate);
    }

    @Test
    void aGoodLineBecomesTheCanonicalRow() {
        Object[] values = ((RowOutcome.Migrated) sales.apply(line(11, "29.02.2024", 4001, 2, 1998, true, false))).values();
        assertThat(values).containsExactly("STORE-001", 77, 1, LocalDate.of(2024, 2, 29), "SKU-0001", 2, new BigDecimal("19.98"), "9800000000000003");
        assertThat(((RowOutcome.Migrated) sales.apply(line(11, "01.03.2024", 4001, -1, -999, true, false))).values()[6])
                .as("a return").isEqualTo(new BigDecimal("-9.99"));
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(rule(line(11, "31.02.2025", 4001, 1, 100, true, false))).isEqualTo(Reject.BAD_DATE);
        assertThat(rule(line(11, "2024-05-01", 4001, 1, 100, true, false))).isEqualTo(Reject.BAD_DATE);
        assertThat(rule(line(11, "01.12.2026", 4001, 1, 100, true, false))).as("after today").isEqualTo(Reject.BAD_DATE);
        assertThat(rule(line(11, "01.05.2024", 4999, 1, 100, false, false))).isEqualTo(Reject.ORPHAN);
        assertThat(rule(line(11, "01.05.2024", 4901, 1, 100, true, false))).as("a PLU the hub has no SKU for").isEqualTo(Reject.ORPHAN);
        assertThat(rule(line(13, "01.05.2024", 4001, 1, 100, true, false))).isEqualTo(Reject.ORPHAN);
        assertThat(rule(line(11, "01.05.2024", 4001, 0, 100, true, false))).isEqualTo(Reject.BUSINESS_RULE);
        assertThat(rule(line(11, "01.05.2024", 4001, 2, -100, true, false))).isEqualTo(Reject.BUSINESS_RULE);
        assertThat(rule(line(11, "01.05.2024", 4001, 1, 100, true, true))).isEqualTo(Reject.DUPLICATE);
    }

    private String rule(LegacySale sale) {
        return ((RowOutcome.Quarantined) sales.apply(sale)).reject().rule();
    }
}
