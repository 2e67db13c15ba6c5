package org.retailhub.domain.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.CanonicalRecord.Price;

/** Ownership, idempotency and loop prevention of one captured change, with islands and golden records as doubles. */
class ChangePropagationTest {

    private final IslandSystem erp = island(Island.ERP, Set.of(EntityKind.PRICE, EntityKind.STOCK));
    private final IslandSystem pos = island(Island.POS, Set.of(EntityKind.PRICE));
    private final IslandSystem crm = island(Island.CRM, Set.of(EntityKind.CUSTOMER));
    private final GoldenRecords golden = mock(GoldenRecords.class);
    private ChangePropagation propagation;

    private static IslandSystem island(Island island, Set<EntityKind> kinds) {
        IslandSystem system = mock(IslandSystem.class);
        when(system.island()).thenReturn(island);
        when(system.holds()).thenReturn(kinds);
        when(system.asStored(any())).thenAnswer(a -> a.getArgument(0));
        return system;
    }

    @BeforeEach
    void wire() {
        propagation = new ChangePropagation(List.of(erp, pos, crm), golden, FieldOwnership.defaults());
    }

    private static IslandChange change(Island island, char op) {
        return new IslandChange(island, "t", op, Map.of(), 42, Instant.now(), "{}");
    }

    private static Price price(String amount) {
        return new Price("SKU-0001", new BigDecimal(amount));
    }

    @Test
    void theOwnersChangeReachesTheHubAndEveryOtherIslandKeepingThatKind() {
        IslandChange change = change(Island.ERP, 'u');
        when(erp.read(change)).thenReturn(IslandReading.of(false, price("9.99")));
        when(golden.apply(price("9.99"), change)).thenReturn(GoldenRecords.Applied.CHANGED);

        assertThat(propagation.apply(change)).isEqualTo(ChangePropagation.Outcome.APPLIED);
        verify(pos).write(price("9.99"));
        verify(erp, never()).write(any());
        verify(crm, never()).write(any());
    }

    @Test
    void anArticleNewToAnIslandArrivesWithTheHubsPriceWhicheverTheOwnerSentFirst() {
        IslandSystem till = island(Island.POS, Set.of(EntityKind.ARTICLE, EntityKind.PRICE));
        propagation = new ChangePropagation(List.of(erp, till, crm), golden, FieldOwnership.defaults());
        CanonicalRecord.Article lamp = new CanonicalRecord.Article("SKU-0001", "Table lamp", "HOME");
        IslandChange created = change(Island.ERP, 'c');
        IslandChange renamed = change(Island.ERP, 'u');
        when(erp.read(created)).thenReturn(IslandReading.of(false, lamp));
        when(erp.read(renamed)).thenReturn(IslandReading.of(false, lamp));
        when(golden.apply(any(), any())).thenReturn(GoldenRecords.Applied.CHANGED);
        when(golden.get(EntityKind.PRICE, "SKU-0001")).thenReturn(Optional.of(price("9.99")));
        when(till.write(lamp)).thenReturn(true, false);

        propagation.apply(created);
        propagation.apply(renamed);

        // written once: for the new row; the unchanged article does not rewrite the price
        verify(till).write(price("9.99"));
    }

    @Test
    void aReplayedChangeIsNotPropagatedAgain() {
        IslandChange change = change(Island.ERP, 'u');
        when(erp.read(change)).thenReturn(IslandReading.of(false, price("9.99")));
        when(golden.apply(any(), any())).thenReturn(GoldenRecords.Applied.REPLAYED);

        assertThat(propagation.apply(change)).isEqualTo(ChangePropagation.Outcome.REPLAYED);
        verify(pos, never()).write(any());
    }

    @Test
    void theHubsOwnWriteComingBackStops() {
        IslandChange change = change(Island.POS, 'u');
        when(pos.read(change)).thenReturn(IslandReading.of(true, price("9.99")));

        assertThat(propagation.apply(change)).isEqualTo(ChangePropagation.Outcome.ECHO);
        verify(golden, never()).apply(any(), any());
        verify(erp, never()).write(any());
    }

    @Test
    void aNonOwnerChangingAnOwnedFieldIsAConflictButTodaysDriftIsLeftToReconciliation() {
        when(golden.get(EntityKind.PRICE, "SKU-0001")).thenReturn(Optional.of(price("9.99")));
        IslandChange edit = change(Island.POS, 'u');
        when(pos.read(edit)).thenReturn(IslandReading.of(false, price("7.77")));
        IslandChange snapshot = change(Island.POS, 'r');
        when(pos.read(snapshot)).thenReturn(IslandReading.of(false, price("7.77")));

        assertThatThrownBy(() -> propagation.apply(edit)).isInstanceOf(ConflictingChangeException.class).hasMessageContaining("ERP owns")
                .satisfies(e -> assertThat(((ConflictingChangeException) e).restored()).containsExactly(price("9.99")));
        assertThat(propagation.apply(snapshot)).isEqualTo(ChangePropagation.Outcome.DRIFT);
        verify(golden, never()).apply(any(), any());
        // the owner's value went back on the till at once, audited, and only for the conflict (not for the drift)
        verify(pos).write(price("9.99"));
        verify(golden).restored(Island.POS, price("7.77"), price("9.99"));
    }

    @Test
    void anIslandThatRefusesTheRestoreLeavesTheConflictToReconciliation() {
        when(golden.get(EntityKind.PRICE, "SKU-0001")).thenReturn(Optional.of(price("9.99")));
        IslandChange edit = change(Island.POS, 'u');
        when(pos.read(edit)).thenReturn(IslandReading.of(false, price("7.77")));
        when(pos.write(any())).thenThrow(new IllegalStateException("POS down"));

        assertThatThrownBy(() -> propagation.apply(edit)).isInstanceOf(ConflictingChangeException.class)
                .satisfies(e -> assertThat(((ConflictingChangeException) e).restored()).isEmpty());
        verify(golden, never()).restored(any(), any(), any());
    }

    @Test
    void anErasedCustomerIsNotTakenInAgainFromItsOwner() {
        CanonicalRecord.Customer customer = new CanonicalRecord.Customer("CU100001", "Ada Lovelace", "ada@example.org", 5);
        IslandChange edit = change(Island.CRM, 'u');
        when(crm.read(edit)).thenReturn(IslandReading.of(false, customer));
        when(golden.isErased("CU100001")).thenReturn(true);

        assertThat(propagation.apply(edit)).isEqualTo(ChangePropagation.Outcome.ERASED);
        verify(golden, never()).apply(any(), any());
        verify(pos, never()).write(any());
    }

    @Test
    void theOwnersStatementOfConsentIsRegisteredGrantedOrWithdrawnButNeverForAnErasedCustomerOrAnEcho() {
        ConsentRegister consents = mock(ConsentRegister.class);
        propagation = new ChangePropagation(List.of(erp, pos, crm), golden, FieldOwnership.defaults(), consents);
        CanonicalRecord.Customer ada = new CanonicalRecord.Customer("CU100001", "Ada Lovelace", "ada@example.org", 5);
        CanonicalRecord.Customer bea = new CanonicalRecord.Customer("CU100002", "Bea Byron", null, 0);
        IslandChange granted = change(Island.CRM, 'u');
        IslandChange withdrawn = change(Island.CRM, 'u');
        IslandChange erased = change(Island.CRM, 'u');
        IslandChange echo = change(Island.CRM, 'u');
        when(crm.read(granted)).thenReturn(IslandReading.of(false, ada).withConsent(true));
        when(crm.read(withdrawn)).thenReturn(IslandReading.of(false, ada).withConsent(false));
        when(crm.read(erased)).thenReturn(IslandReading.of(false, bea).withConsent(true));
        when(crm.read(echo)).thenReturn(IslandReading.of(true, ada).withConsent(true));
        when(golden.apply(any(), any())).thenReturn(GoldenRecords.Applied.UNCHANGED);
        when(golden.isErased("CU100002")).thenReturn(true);

        propagation.apply(granted);
        verify(consents).record("CU100001", true, "CRM");
        propagation.apply(withdrawn);
        verify(consents).record("CU100001", false, "CRM");
        propagation.apply(erased);
        propagation.apply(echo);
        verify(consents, never()).record(org.mockito.ArgumentMatchers.eq("CU100002"), org.mockito.ArgumentMatchers.anyBoolean(), any());
        verify(consents, org.mockito.Mockito.times(2)).record(any(), org.mockito.ArgumentMatchers.anyBoolean(), any());
    }

    @Test
    void aTillSaleIsQueuedForTheStockOwnerNeverWrittenThereDirectly() {
        StockSale sale = new StockSale("POS-11-1-5-1", "STORE-001", "SKU-0001", 2);
        when(golden.applySale(sale)).thenReturn(new GoldenRecords.SaleApplied(true, 0), new GoldenRecords.SaleApplied(false, 0));

        assertThat(propagation.sell(sale)).isEqualTo(ChangePropagation.Outcome.SALE);
        assertThat(propagation.sell(sale)).isEqualTo(ChangePropagation.Outcome.REPLAYED);
        // the goods issue waits in hub.stock_posting (GoldenRecords.applySale), posted by StockPostings
        verify(erp, never()).issueSoldGoods(any());
    }

    @Test
    void aTillSaleOfReservedStockIsASaleAndAShortfallNotADeadLetter() {
        StockSale sale = new StockSale("POS-11-1-6-1", "STORE-001", "SKU-0001", 3);
        when(golden.applySale(sale)).thenReturn(new GoldenRecords.SaleApplied(true, 2));

        assertThat(propagation.sell(sale)).isEqualTo(ChangePropagation.Outcome.SHORTFALL);
    }

    @Test
    void ownershipIsConfigurable() {
        FieldOwnership posOwnsPrices = new FieldOwnership(Map.of(EntityKind.PRICE, Island.POS));
        assertThat(posOwnsPrices.owner(EntityKind.PRICE)).isEqualTo(Island.POS);
        assertThat(posOwnsPrices.owner(EntityKind.CUSTOMER)).isEqualTo(Island.CRM);
    }
}
