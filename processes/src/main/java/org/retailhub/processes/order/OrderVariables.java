package org.retailhub.processes.order;

/** Names of the order-fulfilment process variables. Only ids and outcomes: no customer data in the engine. */
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
