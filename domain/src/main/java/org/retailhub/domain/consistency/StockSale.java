package org.retailhub.domain.consistency;

/** Pieces sold at a till: the POS owns sales, the hub turns them into a goods issue at the stock's owner. */
public record StockSale(String receipt, String storeId, String sku, int quantity) {
}
