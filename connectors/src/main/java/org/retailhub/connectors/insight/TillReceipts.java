package org.retailhub.connectors.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.retailhub.domain.insight.CoOccurrence;
import org.retailhub.domain.insight.InteractionKind;
import org.retailhub.domain.inventory.StockMovement;

/**
 * Turns till sale lines (keyed by receipt) into the evidence a purchase adds, keyed by article: the article's own
 * interest (purchase weight × pieces) and a pair in both directions with every other article of the same receipt seen
 * within the receipt span (once per pair of articles: a receipt ringing an article up on two lines pairs it once). A till sale names no customer, so no profile. The lines seen are remembered per receipt in
 * {@link CustomerInsightTopology#TILL_RECEIPT_LINES} for the redelivery period (then removed): a line the outbox relays
 * again counts nothing.
 */
final class TillReceipts implements Processor<String, StockMovement, String, CoOccurrence> {

    private static final double PURCHASE = InteractionKind.PURCHASE.interest();

    private final long redeliveryMillis;
    private final long receiptSpanMillis;
    private ProcessorContext<String, CoOccurrence> context;
    private WindowStore<String, StockMovement> lines;

    TillReceipts(Duration redelivery, Duration receiptSpan) {
        this.redeliveryMillis = redelivery.toMillis();
        this.receiptSpanMillis = receiptSpan.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, CoOccurrence> context) {
        this.context = context;
        this.lines = context.getStateStore(CustomerInsightTopology.TILL_RECEIPT_LINES);
    }

    @Override
    public void process(Record<String, StockMovement> record) {
        StockMovement line = record.value();
        long at = line.occurredAt().toEpochMilli();
        Set<String> others = new LinkedHashSet<>();
        boolean rungUpBefore = false;
        try (WindowStoreIterator<StockMovement> seen = lines.fetch(record.key(), at - redeliveryMillis, at + redeliveryMillis)) {
            while (seen.hasNext()) {
                var earlier = seen.next();
                if (earlier.value.reference().equals(line.reference())) {
                    return;
                }
                if (Math.abs(earlier.key - at) <= receiptSpanMillis) {
                    rungUpBefore |= earlier.value.sku().equals(line.sku());
                    others.add(earlier.value.sku());
                }
            }
        }
        lines.put(record.key(), line, at);
        // a sale's quantity is the change of the store's stock: pieces sold are negative
        int pieces = -line.quantity();
        Instant when = line.occurredAt();
        if (pieces > 0) {
            forward(record, new CoOccurrence(line.sku(), null, line.sku(), PURCHASE * pieces, when));
        }
        others.remove(line.sku());
        // the same article on a second line of the receipt is more pieces, not another pairing
        for (String other : rungUpBefore ? Set.<String>of() : others) {
            double weight = Math.sqrt(PURCHASE * PURCHASE);
            forward(record, new CoOccurrence(line.sku(), null, other, weight, when));
            forward(record, new CoOccurrence(other, null, line.sku(), weight, when));
        }
    }

    private void forward(Record<String, StockMovement> record, CoOccurrence evidence) {
        context.forward(record.withKey(evidence.sku()).withValue(evidence));
    }
}
