package org.retailhub.processes.order;

/**
 * Names of the order-fulfilment process variables. Only ids and outcomes: no customer data in the engine. Only
 * {@link #ORDER_ID} and {@link #PAYMENT_ID} are stored (a row each per order); the steps set the decisions, the
 * reason and the payment method transient, for the gateway or step after them in the same transaction. A cancel's
 * reason comes with its message and is stored.
 */
public final class OrderVariables {

    public static final String ORDER_ID = "orderId";
    public static final String ORDER_VALID = "orderValid";
    public static final String STOCK_OUTCOME = "stockOutcome";
    public static final String REASON = "reason";
    public static final String PAYMENT_ID = "paymentId";
    public static final String PAYMENT_METHOD = "paymentMethod";

    private OrderVariables() {
    }
}
