package org.retailhub.domain.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.retailhub.domain.shared.Money;

/**
 * Turns a list price, a quantity and the matching promotions into an exact line price. Each promotion's reward
 * ({@link PromotionHit}) is worked out on the line's gross; together they never take more than
 * {@link #MAX_DISCOUNT_PERCENT} of it unless a matching rule sets its own line cap, so a line never costs less than
 * nothing. One instance prices the lines of one order, because a promotion's cap per order counts over all of them.
 */
public final class LinePricing {

    /** Stacked promotions stop here, so a mis-edited table cannot give goods away. */
    public static final int MAX_DISCOUNT_PERCENT = 50;

    private final Map<String, Money> givenInOrder = new HashMap<>();

    private LinePricing() {
    }

    /** A pricing for the lines of one order, in the order they are priced. */
    public static LinePricing forOneOrder() {
        return new LinePricing();
    }

    /** A single line priced on its own (no other line shares the promotions' caps per order). */
    public static PricedLine price(int lineNo, Money unitPrice, int quantity, List<PromotionHit> hits) {
        return forOneOrder().priceLine(lineNo, unitPrice, quantity, hits);
    }

    public PricedLine priceLine(int lineNo, Money unitPrice, int quantity, List<PromotionHit> hits) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("line " + lineNo + ": quantity must be positive, was " + quantity);
        }
        Money gross = unitPrice.times(quantity);
        Money left = gross.percent(lineCapPercent(hits));
        List<AppliedPromotion> applied = new ArrayList<>();
        Money discount = Money.zero(unitPrice.currency());
        for (PromotionHit hit : hits) {
            Money amount = least(reward(hit, unitPrice, quantity, gross), left, leftInOrder(hit, unitPrice));
            if (amount.amount().signum() == 0) {
                continue;
            }
            left = left.minus(amount);
            givenInOrder.merge(hit.code(), amount, Money::plus);
            applied.add(new AppliedPromotion(lineNo, hit.code(), percentShown(hit, amount, gross), amount));
            discount = discount.plus(amount);
        }
        return new PricedLine(lineNo, unitPrice, gross, discount, gross.minus(discount), List.copyOf(applied));
    }

    /** The highest line cap the matching rules set, or the hub's cap when none sets one. */
    private static int lineCapPercent(List<PromotionHit> hits) {
        return hits.stream().filter(h -> h.lineCapPercent() != null).mapToInt(PromotionHit::lineCapPercent).max()
                .orElse(MAX_DISCOUNT_PERCENT);
    }

    /** What the promotion would take off the line if nothing capped it. */
    private static Money reward(PromotionHit hit, Money unitPrice, int quantity, Money gross) {
        Money offEach = least(new Money(hit.amountOffEach(), unitPrice.currency()), unitPrice);
        return gross.percent(hit.discountPercent())
                .plus(offEach.times(quantity))
                .plus(unitPrice.times(hit.freeUnits(quantity)));
    }

    private Money leftInOrder(PromotionHit hit, Money unitPrice) {
        if (hit.capPerOrder() == null) {
            return null;
        }
        Money cap = new Money(hit.capPerOrder(), unitPrice.currency());
        return cap.minus(givenInOrder.getOrDefault(hit.code(), Money.zero(unitPrice.currency())));
    }

    /** The rule's percentage when that is what it gave; else the share of the gross it gave, to the whole percent. */
    private static int percentShown(PromotionHit hit, Money amount, Money gross) {
        if (hit.percentOnly() && amount.equals(gross.percent(hit.discountPercent()))) {
            return hit.discountPercent();
        }
        return amount.amount().multiply(BigDecimal.valueOf(100)).divide(gross.amount(), 0, RoundingMode.HALF_EVEN).intValue();
    }

    private static Money least(Money first, Money... others) {
        Money least = first;
        for (Money other : others) {
            if (other != null && other.compareTo(least) < 0) {
                least = other;
            }
        }
        return least.isNegative() ? Money.zero(least.currency()) : least;
    }
}
