package org.retailhub.domain.insight;

/** What became of a valid behaviour event. Only {@link #ACCEPTED} events are tracked; the others are dropped and counted. */
public enum BehaviourOutcome {
    ACCEPTED,
    /** the customer has not consented to tracking (or withdrew it) */
    NO_CONSENT,
    /** neither a golden id nor a CRM number the hub knows (or the customer's personal data was erased) */
    UNKNOWN_CUSTOMER
}
