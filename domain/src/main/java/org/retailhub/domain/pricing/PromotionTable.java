package org.retailhub.domain.pricing;

import java.util.List;

/**
 * Port: the promotions an analyst maintains (a DMN decision table in the running hub).
 * Returns every promotion that applies to one order line, in the order they are listed.
 */
public interface PromotionTable {

    List<PromotionHit> promotionsFor(PricingContext line);
}
