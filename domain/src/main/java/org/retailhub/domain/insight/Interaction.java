package org.retailhub.domain.insight;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One accepted behaviour event: a consenting customer, named by their golden id, did something with an article.
 * No personal data beyond the pseudonymous golden id.
 *
 * @param customerId the hub's golden customer id ({@code CU…})
 * @param category   the article's category in the hub's catalogue
 * @param storeId    the store the customer shops at (the web's distribution centre for online), may be null
 * @param value      what a purchase was worth (quantity × unit price), zero for the other kinds
 * @param orderLine  the hub's order line a purchase came from ({@code <order id>/<line no>}), so that a paid order
 *                   delivered twice counts once; null for the beacons' events
 */
public record Interaction(String customerId, String sku, String category, InteractionKind kind, String storeId,
                         int quantity, BigDecimal value, Instant occurredAt, String orderLine) {

    @JsonCreator
    public Interaction {
    }

    /** An event of the beacons (no order line). */
    public Interaction(String customerId, String sku, String category, InteractionKind kind, String storeId,
                       int quantity, BigDecimal value, Instant occurredAt) {
        this(customerId, sku, category, kind, storeId, quantity, value, occurredAt, null);
    }
}
