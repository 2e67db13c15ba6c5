package org.retailhub.domain.consistency;

/**
 * Port: where the owner island's statement of a golden customer's consent to tracking goes (customer insight's
 * register, {@code hub.tracking_consent}). Written in the hub transaction that applies the customer's change, so the
 * beacon sees a withdrawal as soon as the change is captured.
 */
public interface ConsentRegister {

    /** Nobody keeps consent (tests of the propagation alone). */
    ConsentRegister NONE = (customerId, granted, source) -> { };

    /** Records the customer's consent (granted or withdrawn) and the island that stated it, e.g. {@code CRM}; repeating it is harmless. */
    void record(String customerId, boolean granted, String source);
}
