package org.retailhub.domain.replenishment;

import org.retailhub.domain.shared.Money;

/**
 * A line of a store's proposal as the buyer sees it.
 *
 * @param lineNo      its number in the run
 * @param sku         the article
 * @param name        the article's name
 * @param supplier    its supplier
 * @param proposed    units the hub proposes (whole packs, at least the minimum order)
 * @param packSize    units per pack
 * @param minimum     the supplier's minimum order
 * @param unitCost    purchase price of one unit
 * @param rule        the rule that set the quantity
 * @param explanation why, in one paragraph
 */
public record ProposedLine(int lineNo, String sku, String name, String supplier, int proposed, int packSize, int minimum,
                           Money unitCost, ReorderRule rule, String explanation) {

    public Money value() {
        return unitCost.times(proposed);
    }

    /**
     * The buyer's quantity as it will be ordered: 0 stays 0 (the line is rejected); anything else is rounded up to
     * whole packs and at least the minimum order, as the supplier takes it.
     */
    public int orderable(int wanted) {
        if (wanted < 0) {
            throw new IllegalArgumentException("line " + lineNo + " (" + sku + "): a quantity cannot be negative: " + wanted);
        }
        if (wanted == 0) {
            return 0;
        }
        int packs = (Math.max(wanted, minimum) + packSize - 1) / packSize;
        return packs * packSize;
    }
}
