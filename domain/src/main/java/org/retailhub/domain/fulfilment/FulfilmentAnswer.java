package org.retailhub.domain.fulfilment;

/** The ERP's answer to a delivery request: accepted with its delivery number, or rejected with the reason. */
public record FulfilmentAnswer(boolean accepted, String deliveryId, String reason) {
}
