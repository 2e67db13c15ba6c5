package org.retailhub.domain.shared;

/** Where an order came from. Each channel has its own intake (Kafka topic or REST) and message format. */
public enum Channel {
    WEB, APP, MARKETPLACE, POS
}
