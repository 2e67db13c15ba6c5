package org.retailhub.connectors.insight;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the topology reads till sales (the hub's stock movements of kind {@code TILL_SALE}) for the articles' side of
 * insight, and what it does with a record it cannot read.
 *
 * @param topic       the stock movements topic ({@code hub.kafka.topics.stock-movements})
 * @param receiptSpan how far apart two lines of one receipt may be and still be paired (receipt numbers may come round
 *                    again at a till; a receipt's lines arrive within seconds)
 * @param unreadable  counts a record that is no stock movement (it is skipped and the stream goes on)
 */
public record TillSaleSource(String topic, Duration receiptSpan, Runnable unreadable) {

    public TillSaleSource {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(receiptSpan, "receiptSpan");
        Objects.requireNonNull(unreadable, "unreadable");
    }
}
