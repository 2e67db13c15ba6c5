package org.retailhub.domain.pricing;

import java.math.BigDecimal;

/**
 * One promotion that applies to an order line, as the promotion table states it. Its rewards add up:
 * <ul>
 *   <li>{@code discountPercent}: a whole percentage of the line's gross;</li>
 *   <li>{@code amountOffEach}: a fixed amount off each unit (never more than the unit's price);</li>
 *   <li>{@code buy} / {@code getFree}: of every {@code buy + getFree} units, {@code getFree} are free (multi-buy,
 *       "3 for 2" is buy 2 get 1); with {@code buy} 0 the first {@code getFree} units of the line are free (a bundle's
 *       gift, when the rule asks for the other article in the basket).</li>
 * </ul>
 * {@code capPerOrder} (or null) limits what the promotion gives in one order over all its lines;
 * {@code lineCapPercent} (or null) replaces the hub's {@link LinePricing#MAX_DISCOUNT_PERCENT} for the lines it matches.
 */
public record PromotionHit(String code, int discountPercent, BigDecimal amountOffEach, int buy, int getFree,
                           BigDecimal capPerOrder, Integer lineCapPercent) {

    public PromotionHit {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("promotion code is required");
        }
        requireWithin(code, "discount", discountPercent);
        amountOffEach = amountOffEach == null ? BigDecimal.ZERO : amountOffEach;
        requireNotNegative(code, "amount off each", amountOffEach);
        if (buy < 0 || getFree < 0) {
            throw new IllegalArgumentException("buy " + buy + " get " + getFree + " of promotion " + code + ": neither may be negative");
        }
        if (capPerOrder != null) {
            requireNotNegative(code, "cap per order", capPerOrder);
        }
        if (lineCapPercent != null) {
            requireWithin(code, "line cap", lineCapPercent);
        }
    }

    /** A plain percentage off, as most promotions are. */
    public PromotionHit(String code, int discountPercent) {
        this(code, discountPercent, BigDecimal.ZERO, 0, 0, null, null);
    }

    /** True if the percentage is all the promotion gives. */
    boolean percentOnly() {
        return amountOffEach.signum() == 0 && getFree == 0;
    }

    /** How many of {@code quantity} units this promotion gives away. */
    int freeUnits(int quantity) {
        if (getFree == 0) {
            return 0;
        }
        return buy == 0 ? Math.min(getFree, quantity) : quantity / (buy + getFree) * getFree;
    }

    private static void requireWithin(String code, String what, int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException(what + " of promotion " + code + " out of range 0-100 %: " + percent);
        }
    }

    private static void requireNotNegative(String code, String what, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(what + " of promotion " + code + " is negative: " + amount);
        }
    }
}
