package org.retailhub.domain.pricing;

/** One promotion that applies to an order line: its code and the whole percentage it takes off. */
public record PromotionHit(String code, int discountPercent) {

    public PromotionHit {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("promotion code is required");
        }
        if (discountPercent < 0 || discountPercent > 100) {
            throw new IllegalArgumentException("discount of promotion " + code + " out of range: " + discountPercent);
        }
    }
}
