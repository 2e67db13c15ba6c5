package org.retailhub.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checksums that prove a load: independent of order and of how the value travelled, sensitive to a lost, doubled or changed row. */
class ColumnChecksumsTest {

    private static final List<String> COLUMNS = List.of("sku", "sold_on", "amount", "card");

    private static List<Object[]> rows(int n) {
        Random random = new Random(3);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {"SKU-" + random.nextInt(50), LocalDate.of(2024, 1, 1).plusDays(random.nextInt(900)),
                BigDecimal.valueOf(random.nextInt(100_000), 2), random.nextInt(3) == 0 ? null : "98" + random.nextLong(1_000_000_000L)});
        }
        return rows;
    }

    private static ColumnChecksums sum(List<Object[]> rows) {
        ColumnChecksums sums = new ColumnChecksums(COLUMNS);
        rows.forEach(sums::add);
        return sums;
    }

    @Test
    void theOrderOfTheRowsAndTheirSplitIntoChunksDoNotMatter() {
        List<Object[]> rows = rows(1000);
        List<Object[]> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(9));
        ColumnChecksums chunked = sum(shuffled.subList(0, 400));
        chunked.add(ColumnChecksums.parse(COLUMNS, sum(shuffled.subList(400, 1000)).toText()));

        assertThat(chunked).isEqualTo(sum(rows));
        assertThat(chunked.rows()).isEqualTo(1000);
    }

    @Test
    void aValueReadBackFromTheDatabaseCountsAsTheValueThatWasWritten() {
        ColumnChecksums written = sum(List.<Object[]>of(new Object[] {"SKU-1", LocalDate.of(2025, 3, 1), new BigDecimal("12.50"), null}));
        ColumnChecksums readBack = sum(List.<Object[]>of(new Object[] {"SKU-1", java.sql.Date.valueOf("2025-03-01"), new BigDecimal("12.5"), null}));
        assertThat(readBack.byColumn()).isEqualTo(written.byColumn());
    }

    @Test
    void aLostADoubledOrAChangedRowChangesTheSums() {
        List<Object[]> rows = rows(500);
        ColumnChecksums all = sum(rows);
        List<Object[]> doubled = new ArrayList<>(rows);
        doubled.add(rows.get(7));
        List<Object[]> changed = new ArrayList<>(rows);
        Object[] row = rows.get(11).clone();
        row[2] = ((BigDecimal) row[2]).add(new BigDecimal("0.01"));
        changed.set(11, row);

        assertThat(sum(rows.subList(1, 500)).byColumn()).doesNotContainEntry("sku", all.byColumn().get("sku"));
        assertThat(sum(doubled).byColumn().get("card")).isNotEqualTo(all.byColumn().get("card"));
        assertThat(sum(changed).byColumn()).containsEntry("sku", all.byColumn().get("sku"))
                .doesNotContainEntry("amount", all.byColumn().get("amount"));
    }
}
