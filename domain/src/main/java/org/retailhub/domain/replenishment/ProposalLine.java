package org.retailhub.domain.replenishment;

import java.util.Objects;
import org.retailhub.domain.shared.Money;

/**
 * What the hub proposes to order of one article for one store, and why. A quantity of 0 is a decision not to order
 * (the explanation's rule says why), kept so that every article of a run can be looked up.
 *
 * @param storeId     the store the goods go to
 * @param sku         the article
 * @param supplier    its supplier
 * @param quantity    units to order (whole packs, at least the minimum order), or 0
 * @param unitCost    purchase price of one unit
 * @param explanation the figures and the rule behind the quantity
 */
public record ProposalLine(String storeId, String sku, String supplier, int quantity, Money unitCost,
                           ProposalExplanation explanation) {

    public ProposalLine {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(unitCost, "unitCost");
        Objects.requireNonNull(explanation, "explanation");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity of " + sku + " must not be negative: " + quantity);
        }
    }

    /** Quantity × unit cost: what the approval threshold is compared with. */
    public Money value() {
        return unitCost.times(quantity);
    }

    public boolean ordersSomething() {
        return quantity > 0;
    }
}
