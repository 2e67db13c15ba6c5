package org.retailhub.domain.pricing;

import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;

/** What a promotion rule may look at when it decides whether it applies to one order line. */
public record PricingContext(String category, int quantity, LoyaltyTier loyaltyTier, Channel channel) {
}
