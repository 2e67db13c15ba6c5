package org.retailhub.domain.pricing;

import java.time.LocalDate;
import java.util.List;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;

/**
 * What a promotion rule may look at when it decides whether it applies to one order line.
 *
 * @param sku            the line's article
 * @param category       the article's category
 * @param quantity       how many of the article the line sells (reserved, not ordered)
 * @param storeId        the store (or distribution centre) that fulfils the order
 * @param orderDate      the day the order came in, in the hub's pricing time zone: for date windows
 * @param couponCode     the coupon the customer entered, or null
 * @param basket         the articles of every line the order sells, this one included: for bundles
 * @param stockCoverDays days the store's stock of the article lasts at forecast demand ({@link StockCover}), or null
 *                       when its demand is unknown: for markdowns
 */
public record PricingContext(String sku, String category, int quantity, String storeId, Channel channel, LoyaltyTier loyaltyTier,
                             LocalDate orderDate, String couponCode, List<String> basket, Integer stockCoverDays) {

    public PricingContext {
        basket = basket == null ? List.of() : List.copyOf(basket);
    }
}
