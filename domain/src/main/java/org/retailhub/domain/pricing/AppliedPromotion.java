package org.retailhub.domain.pricing;

import org.retailhub.domain.shared.Money;

/** A promotion as recorded on an order: which line it reduced, by how much. */
public record AppliedPromotion(int lineNo, String code, int discountPercent, Money amount) {
}
