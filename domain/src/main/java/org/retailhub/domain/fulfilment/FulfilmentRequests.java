package org.retailhub.domain.fulfilment;

import org.retailhub.domain.order.Order;

/**
 * Port: hands a paid order to the ERP for picking and shipping, idempotent per key. A rejection is an answer;
 * an ERP that cannot be reached throws {@link ErpUnavailableException} so the calling step is retried.
 */
public interface FulfilmentRequests {

    FulfilmentAnswer request(Order order, String idempotencyKey);
}
