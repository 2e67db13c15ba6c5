package org.retailhub.domain.replenishment;

import java.util.Map;

/**
 * Port: what the suppliers agreed for the articles a store orders (supplier per article, lead time and its spread,
 * pack, minimum order, order days, purchase price), as the purchasing system (the ERP) keeps them.
 */
public interface PurchasingTerms {

    /** The terms of every article the store can order, by SKU; an article without terms is not replenished. */
    Map<String, SupplyTerms> forStore(String storeId);
}
