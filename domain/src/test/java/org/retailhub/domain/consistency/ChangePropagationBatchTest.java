package org.retailhub.domain.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.retailhub.domain.consistency.CanonicalRecord.Price;

/** A batch of changes in one hub transaction: island writes after the commit, the last value per record, none on failure. */
class ChangePropagationBatchTest {

    private final IslandSystem erp = island(Island.ERP, Set.of(EntityKind.PRICE, EntityKind.STOCK));
    private final IslandSystem pos = island(Island.POS, Set.of(EntityKind.PRICE));
    private final GoldenRecords golden = mock(GoldenRecords.class);
    private final List<String> transaction = new ArrayList<>();
    private ChangePropagation propagation;

    private static IslandSystem island(Island island, Set<EntityKind> kinds) {
        IslandSystem system = mock(IslandSystem.class);
        when(system.island()).thenReturn(island);
        when(system.holds()).thenReturn(kinds);
        return system;
    }

    @BeforeEach
    void wire() {
        propagation = new ChangePropagation(List.of(erp, pos), golden, FieldOwnership.defaults());
        when(golden.together(any())).thenAnswer(a -> {
            transaction.add("begin");
            Object result = ((Supplier<?>) a.getArgument(0)).get();
            transaction.add("commit");
            return result;
        });
        when(golden.apply(any(), any())).thenAnswer(a -> {
            transaction.add("apply " + a.<IslandChange>getArgument(1).position());
            return GoldenRecords.Applied.CHANGED;
        });
    }

    private IslandChange priceChange(long position, String sku, String amount) {
        IslandChange change = new IslandChange(Island.ERP, "a004", 'u', Map.of(), position, Instant.now(), "{}");
        when(erp.read(change)).thenReturn(IslandReading.of(false, new Price(sku, new BigDecimal(amount))));
        return change;
    }

    @Test
    void aBatchIsAppliedInOneTransactionAndTheIslandsGetOnlyTheLastValueOfEachRecordAfterTheCommit() {
        List<IslandChange> batch = List.of(priceChange(1, "SKU-0001", "1.00"), priceChange(2, "SKU-0002", "2.00"),
                priceChange(3, "SKU-0001", "3.00"));
        when(pos.write(any())).thenAnswer(a -> transaction.add("write " + a.getArgument(0)));

        assertThat(propagation.applyAll(batch, (c, e) -> { throw new AssertionError(e); })).containsExactly(
                ChangePropagation.Outcome.SUPERSEDED, ChangePropagation.Outcome.APPLIED, ChangePropagation.Outcome.APPLIED);
        // SKU-0001's first price is history by the end of the batch: its later change is applied with the later position
        assertThat(transaction).containsExactly("begin", "apply 2", "apply 3", "commit",
                "write " + new Price("SKU-0002", new BigDecimal("2.00")), "write " + new Price("SKU-0001", new BigDecimal("3.00")));
        verify(pos, never()).write(new Price("SKU-0001", new BigDecimal("1.00")));
    }

    @Test
    void aChangeThatFailsLeavesTheIslandsUntouchedAndReachesTheCaller() {
        IslandChange good = priceChange(1, "SKU-0001", "1.00");
        IslandChange poison = new IslandChange(Island.ERP, "a004", 'u', Map.of(), 2, Instant.now(), "{}");
        when(erp.read(poison)).thenThrow(new UndecodableChangeException("ERP price in USD"));

        assertThatThrownBy(() -> propagation.applyAll(List.of(good, poison), (c, e) -> { })).isInstanceOf(UndecodableChangeException.class);
        verify(pos, never()).write(any());
    }

    @Test
    void anIslandWriteThatFailsAfterTheCommitIsReportedWithItsChangeAndTheOthersGoOn() {
        IslandChange first = priceChange(1, "SKU-0001", "1.00");
        IslandChange second = priceChange(2, "SKU-0002", "2.00");
        doThrow(new IllegalStateException("POS down")).when(pos).write(new Price("SKU-0001", new BigDecimal("1.00")));
        List<IslandChange> failed = new ArrayList<>();

        propagation.applyAll(List.of(first, second), (c, e) -> failed.add(c));

        assertThat(failed).containsExactly(first);
        InOrder order = inOrder(pos);
        order.verify(pos).write(new Price("SKU-0001", new BigDecimal("1.00")));
        order.verify(pos).write(new Price("SKU-0002", new BigDecimal("2.00")));
    }

    @Test
    void aTillSaleInABatchIsQueuedInsideTheBatchTransactionAndNothingIsWrittenToTheErpAfterIt() {
        StockSale sale = new StockSale("POS-11-1-5-1", "STORE-001", "SKU-0001", 2);
        IslandChange change = new IslandChange(Island.POS, "till_sale", 'c', Map.of(), 7, Instant.now(), "{}");
        when(pos.read(change)).thenReturn(IslandReading.sale(sale));
        when(golden.applySale(sale)).thenAnswer(a -> {
            transaction.add("sale " + sale.receipt());
            return new GoldenRecords.SaleApplied(true, 0);
        });

        assertThat(propagation.applyAll(List.of(change), (c, e) -> { })).containsExactly(ChangePropagation.Outcome.SALE);
        assertThat(transaction).containsExactly("begin", "sale POS-11-1-5-1", "commit");
        verify(erp, never()).issueSoldGoods(any());
    }
}
