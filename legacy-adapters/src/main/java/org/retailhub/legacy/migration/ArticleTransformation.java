package org.retailhub.legacy.migration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.function.Function;
import org.retailhub.domain.consistency.UndecodableChangeException;
import org.retailhub.domain.migration.Reject;
import org.retailhub.legacy.erp.ErpIsland;

/**
 * An ERP material to the canonical article by the hub's own ERP mapping ({@link ErpIsland}): the SKU from the key
 * cross-reference, or for a material the hub has not seen by the numbering rule ({@link ErpIsland#newSku}); the
 * material group as the hub's category ({@link ErpIsland#category}); the price per piece (the ERP keeps some per 10).
 * Articles hold no personal data: the masked copy gets them as they are. Refuses materials flagged for deletion,
 * without a price, with a price unit below one, outside the numbering or in a group without a category.
 */
final class ArticleTransformation implements Function<LegacyArticle, RowOutcome> {

    private final Map<String, String> skus;

    /** @param skus the hub's SKU per ERP material number, from the key cross-reference */
    ArticleTransformation(Map<String, String> skus) {
        this.skus = Map.copyOf(skus);
    }

    @Override
    public RowOutcome apply(LegacyArticle a) {
        if ("X".equals(a.deletion())) {
            return refused(a, "the material is flagged for deletion in the ERP");
        }
        if (a.amount() == null || a.priceUnit() == null || a.priceUnit() < 1 || a.amount().signum() < 0) {
            return refused(a, "the material has no valid sales price for DE01");
        }
        try {
            String sku = skus.containsKey(a.matnr()) ? skus.get(a.matnr()) : ErpIsland.newSku(a.matnr());
            BigDecimal perPiece = a.amount().divide(BigDecimal.valueOf(a.priceUnit()), 2, RoundingMode.HALF_UP);
            return new RowOutcome.Migrated(a.materialKey(), new Object[] {sku, a.matnr(), a.name().strip(), ErpIsland.category(a.group()),
                a.unit(), perPiece, a.currency()});
        } catch (UndecodableChangeException e) {
            return refused(a, e.getMessage());
        }
    }

    private static RowOutcome refused(LegacyArticle a, String reason) {
        return new RowOutcome.Quarantined(a.materialKey(), new Reject(Reject.BUSINESS_RULE, reason),
                "matnr=" + a.matnr() + ";maktx=" + a.name() + ";matkl=" + a.group() + ";meins=" + a.unit() + ";lvorm=" + a.deletion()
                        + ";kbetr=" + a.amount() + ";kpein=" + a.priceUnit() + ";konwa=" + a.currency());
    }
}
