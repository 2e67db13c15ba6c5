package org.retailhub.domain.consistency;

/**
 * Port: something outside the hub's tables that keeps traces of a golden customer by id (customer insight's profile
 * in the stream's state store) and must forget them when the customer is erased ({@link CustomerErasure}).
 */
public interface CustomerTraces {

    /** What these traces are, for the erasure's answer and the audit trail (e.g. {@code insight}). */
    String name();

    /** Forgets everything kept of the customer; repeating it is harmless. Throws when it could not be handed over. */
    void forget(String customerId);
}
