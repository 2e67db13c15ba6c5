package org.retailhub.routes.consistency;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.retailhub.domain.consistency.CanonicalRecord;
import org.retailhub.domain.consistency.ChangePropagation;
import org.retailhub.domain.consistency.FieldOwnership;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.consistency.StockSale;

/**
 * Change propagation as a test double: keeps what was applied, sold and stated, in order, and fails the way a test
 * tells it to: a change of a given table or a sale of a given receipt always (its verdict on that input), or the
 * next sales (a database down). A batch holding a change it fails on fails whole, as the real one rolls back.
 */
final class IslandLedger extends ChangePropagation {

    private final List<IslandChange> applied = new CopyOnWriteArrayList<>();
    private final List<StockSale> sales = new CopyOnWriteArrayList<>();
    private final List<CanonicalRecord> statements = new CopyOnWriteArrayList<>();
    private final Map<String, RuntimeException> refusedTables = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> refusedReceipts = new ConcurrentHashMap<>();
    private final Queue<RuntimeException> saleFailures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger saleAttempts = new AtomicInteger();

    IslandLedger() {
        super(List.of(), null, FieldOwnership.defaults());
    }

    @Override
    public Outcome apply(IslandChange change) {
        failIfRefused(change);
        applied.add(change);
        return Outcome.APPLIED;
    }

    @Override
    public List<Outcome> applyAll(List<IslandChange> changes, BiConsumer<IslandChange, RuntimeException> failed) {
        changes.forEach(this::failIfRefused);
        applied.addAll(changes);
        return changes.stream().map(c -> Outcome.APPLIED).toList();
    }

    @Override
    public Outcome sell(StockSale sale) {
        saleAttempts.incrementAndGet();
        RuntimeException failure = refusedReceipts.containsKey(sale.receipt()) ? refusedReceipts.get(sale.receipt()) : saleFailures.poll();
        if (failure != null) {
            throw failure;
        }
        sales.add(sale);
        return Outcome.SALE;
    }

    @Override
    public Outcome applyStatement(CanonicalRecord record, Island from) {
        statements.add(record);
        return Outcome.APPLIED;
    }

    private void failIfRefused(IslandChange change) {
        RuntimeException failure = refusedTables.get(change.table());
        if (failure != null) {
            throw failure;
        }
    }

    void refuseTable(String table, RuntimeException failure) {
        refusedTables.put(table, failure);
    }

    void refuseSale(String receipt, RuntimeException failure) {
        refusedReceipts.put(receipt, failure);
    }

    void failNextSales(int times, RuntimeException failure) {
        for (int i = 0; i < times; i++) {
            saleFailures.add(failure);
        }
    }

    List<IslandChange> applied() {
        return List.copyOf(applied);
    }

    List<StockSale> sales() {
        return List.copyOf(sales);
    }

    List<CanonicalRecord> statements() {
        return List.copyOf(statements);
    }

    int saleAttempts() {
        return saleAttempts.get();
    }

    void clear() {
        applied.clear();
        sales.clear();
        statements.clear();
        refusedTables.clear();
        refusedReceipts.clear();
        saleFailures.clear();
        saleAttempts.set(0);
    }
}
