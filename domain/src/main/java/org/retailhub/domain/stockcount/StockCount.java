package org.retailhub.domain.stockcount;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A count of a store's RFID-tagged articles (those with a GTIN in {@code hub.article_gtin}).
 *
 * @param status      OPEN (zones being scanned), CLOSED (compared), POSTED (differences queued for the ERP)
 * @param tags        distinct EPCs counted so far
 * @param differences per article, once closed
 * @param shrinkValue value of the missing pieces at list price, once closed
 */
public record StockCount(UUID countId, String storeId, String status, Instant openedAt, Instant closedAt, int tags,
                         List<InventoryDifference> differences, BigDecimal shrinkValue) {
}
