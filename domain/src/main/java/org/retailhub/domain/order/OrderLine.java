package org.retailhub.domain.order;

import org.retailhub.domain.shared.Money;

/**
 * One line of a stored order. Prices are null until the order has been priced;
 * reservedQuantity is what the stock ledger holds for it (0 when the line could not be served).
 */
public record OrderLine(int lineNo, String sku, int quantity, Integer reservedQuantity,
                        Money unitPrice, Money discount, Money lineTotal) {
}
