package org.retailhub.connectors.insight;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.retailhub.domain.insight.CoOccurrence;
import org.retailhub.domain.insight.CustomerProfile;
import org.retailhub.domain.insight.InsightModel;
import org.retailhub.domain.insight.Interaction;

/**
 * Keeps each customer's profile in the {@link CustomerInsightTopology#PROFILES} store and forwards the evidence an
 * interaction adds (keyed by article) for the item-to-item and popularity stores. A tombstone (the customer's key
 * without a value: the customer was erased) deletes the profile; the article stores hold no customer ids.
 */
final class ProfileKeeper implements Processor<String, Interaction, String, CoOccurrence> {

    private final InsightModel model;
    private ProcessorContext<String, CoOccurrence> context;
    private KeyValueStore<String, CustomerProfile> profiles;

    ProfileKeeper(InsightModel model) {
        this.model = model;
    }

    @Override
    public void init(ProcessorContext<String, CoOccurrence> context) {
        this.context = context;
        this.profiles = context.getStateStore(CustomerInsightTopology.PROFILES);
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
        CustomerProfile profile = profiles.get(record.key());
        if (profile == null) {
            profile = CustomerProfile.first(record.key());
        }
        for (CoOccurrence evidence : profile.evidence(event, model)) {
            context.forward(record.withKey(evidence.sku()).withValue(evidence));
        }
        profiles.put(record.key(), profile.with(event, model));
    }
}
