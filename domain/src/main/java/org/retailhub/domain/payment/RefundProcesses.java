package org.retailhub.domain.payment;

import java.util.UUID;

/** Port: the refund process. Starting it joins the caller's transaction. */
public interface RefundProcesses {

    void start(UUID orderId, UUID refundId);
}
