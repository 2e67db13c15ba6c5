package org.retailhub.processes.order;

import org.springframework.stereotype.Component;

/**
 * The payment model's waits, read from the hub's settings where the timer is created:
 * {@code ${paymentTimeouts.providerAnswer()}}. They used to be process variables the order set and passed into every
 * payment: two rows per instance that only ever held the configuration (issue 18).
 */
@Component("paymentTimeouts")
public class PaymentTimeouts {

    private final OrderProperties properties;

    public PaymentTimeouts(OrderProperties properties) {
        this.properties = properties;
    }

    /** How long a pending payment waits for the provider's webhook before the hub asks (ISO-8601, {@code hub.orders.payment-timeout}). */
    public String providerAnswer() {
        return properties.paymentTimeout().toString();
    }

    /** How long a pay-in-store order waits for the till (ISO-8601, {@code hub.orders.pay-in-store-timeout}). */
    public String payInStore() {
        return properties.payInStoreTimeout().toString();
    }
}
