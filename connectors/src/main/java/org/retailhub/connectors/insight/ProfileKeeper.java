package org.retailhub.connectors.insight;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.retailhub.domain.insight.CoOccurrence;
import org.retailhub.domain.insight.CustomerProfile;
import org.retailhub.domain.insight.InsightModel;
import org.retailhub.domain.insight.Interaction;

/**
 * Keeps each customer's profile in the {@link CustomerInsightTopology#PROFILES} store and forwards the evidence an
 * interaction adds (keyed by article) for the item-to-item and popularity stores. A tombstone (the customer's key
 * without a value: the customer was erased) deletes the profile; the article stores hold no customer ids. A purchase
 * from an order line counted before (a redelivered {@code OrderPaid}) is passed over: the lines counted within the
 * redelivery period are remembered in {@link CustomerInsightTopology#COUNTED_ORDER_LINES} (same partition: the key is
 * the customer).
 */
final class ProfileKeeper implements Processor<String, Interaction, String, CoOccurrence> {

    private final InsightModel model;
    private final long redeliveryMillis;
    private ProcessorContext<String, CoOccurrence> context;
    private KeyValueStore<String, CustomerProfile> profiles;
    private WindowStore<String, Long> countedLines;

    ProfileKeeper(InsightModel model, Duration redelivery) {
        this.model = model;
        this.redeliveryMillis = redelivery.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, CoOccurrence> context) {
        this.context = context;
        this.profiles = context.getStateStore(CustomerInsightTopology.PROFILES);
        this.countedLines = context.getStateStore(CustomerInsightTopology.COUNTED_ORDER_LINES);
    }

    @Override
    public void process(Record<String, Interaction> record) {
        Interaction event = record.value();
        if (record.key() == null) {
            return;
        }
        if (event == null) {
            profiles.delete(record.key());
            return;
        }
        if (event.orderLine() != null && countedBefore(event.orderLine(), record.timestamp())) {
            return;
        }
        CustomerProfile profile = profiles.get(record.key());
        if (profile == null) {
            profile = CustomerProfile.first(record.key());
        }
        for (CoOccurrence evidence : profile.evidence(event, model)) {
            context.forward(record.withKey(evidence.sku()).withValue(evidence));
        }
        profiles.put(record.key(), profile.with(event, model));
    }

    /** Whether the order line was counted within the redelivery period; remembers it if not. */
    private boolean countedBefore(String orderLine, long at) {
        try (WindowStoreIterator<Long> counted = countedLines.fetch(orderLine, at - redeliveryMillis, at + redeliveryMillis)) {
            if (counted.hasNext()) {
                return true;
            }
        }
        countedLines.put(orderLine, at, at);
        return false;
    }
}
