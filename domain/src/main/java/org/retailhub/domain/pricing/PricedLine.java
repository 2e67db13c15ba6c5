package org.retailhub.domain.pricing;

import org.retailhub.domain.shared.Money;
import java.util.List;

/** One order line after pricing: list price, gross, total discount and what the customer pays. */
public record PricedLine(int lineNo, Money unitPrice, Money gross, Money discount, Money total,
                         List<AppliedPromotion> promotions) {
}
