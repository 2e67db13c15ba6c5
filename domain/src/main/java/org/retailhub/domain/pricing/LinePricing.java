package org.retailhub.domain.pricing;

import org.retailhub.domain.shared.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a list price, a quantity and the matching promotions into an exact line price.
 * Each promotion is a percentage of the gross; together they never take more than {@link #MAX_DISCOUNT_PERCENT}.
 */
public final class LinePricing {

    /** Stacked promotions stop here, so a mis-edited table cannot give goods away. */
    public static final int MAX_DISCOUNT_PERCENT = 50;

    private LinePricing() {
    }

    public static PricedLine price(int lineNo, Money unitPrice, int quantity, List<PromotionHit> hits) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("line " + lineNo + ": quantity must be positive, was " + quantity);
        }
        Money gross = unitPrice.times(quantity);
        List<AppliedPromotion> applied = new ArrayList<>();
        int percentLeft = MAX_DISCOUNT_PERCENT;
        Money discount = Money.zero(unitPrice.currency());
        for (PromotionHit hit : hits) {
            int percent = Math.min(hit.discountPercent(), percentLeft);
            if (percent == 0) {
                continue;
            }
            percentLeft -= percent;
            Money amount = gross.percent(percent);
            applied.add(new AppliedPromotion(lineNo, hit.code(), percent, amount));
            discount = discount.plus(amount);
        }
        return new PricedLine(lineNo, unitPrice, gross, discount, gross.minus(discount), List.copyOf(applied));
    }
}
