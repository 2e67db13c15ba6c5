package org.retailhub.domain.inventory;

/** One order line asking the ledger for stock of one article in one store. */
public record StockRequest(int lineNo, String sku, int quantity) {
}
