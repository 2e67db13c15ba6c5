package org.retailhub.routes.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.retailhub.domain.payment.SettlementLine;
import org.retailhub.domain.payment.SettlementMismatch;
import org.retailhub.domain.payment.SettlementReconciliation;
import org.retailhub.domain.payment.SettlementReport;

/**
 * Settlement reconciliation as a test double: keeps each file it was given (every line matched, the unreadable ones
 * reported) and fails the next calls the way a test tells it to.
 */
final class SettlementBook extends SettlementReconciliation {

    /** One reconciled file. */
    record Run(String provider, LocalDate date, String fileName, List<SettlementLine> lines, List<SettlementMismatch> unreadable) {
    }

    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger attempts = new AtomicInteger();

    SettlementBook() {
        super(null, null);
    }

    @Override
    public SettlementReport reconcile(String provider, LocalDate date, String fileName, List<SettlementLine> lines,
                                      List<SettlementMismatch> unreadable) {
        attempts.incrementAndGet();
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        runs.add(new Run(provider, date, fileName, lines, unreadable));
        return new SettlementReport(provider, date, fileName, lines.size() + unreadable.size(), lines.size(), unreadable, false);
    }

    void failNext(int times, RuntimeException failure) {
        for (int i = 0; i < times; i++) {
            failures.add(failure);
        }
    }

    List<Run> runs() {
        return List.copyOf(runs);
    }

    int attempts() {
        return attempts.get();
    }

    void clear() {
        runs.clear();
        failures.clear();
        attempts.set(0);
    }
}
