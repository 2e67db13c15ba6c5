package org.retailhub.domain.insight;

/** Port: where accepted interactions go for the profiles and recommendations to be built (a Kafka topic). */
public interface BehaviourStream {

    /** Hands the interaction over durably (returns once the broker acknowledged it), keyed by its customer. */
    void publish(Interaction interaction);
}
