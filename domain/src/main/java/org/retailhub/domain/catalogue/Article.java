package org.retailhub.domain.catalogue;

import org.retailhub.domain.shared.Money;

/** An article the hub sells: its SKU, category (promotions use it) and list price. */
public record Article(String sku, String name, String category, Money listPrice, boolean active) {
}
