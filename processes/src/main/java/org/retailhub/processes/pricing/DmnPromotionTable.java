package org.retailhub.processes.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.retailhub.domain.pricing.PricingContext;
import org.retailhub.domain.pricing.PromotionHit;
import org.retailhub.domain.pricing.PromotionTable;
import org.springframework.stereotype.Component;

/**
 * The promotion table as the DMN decision {@code order-pricing} that analysts edit in Camunda Modeler
 * (docs/promotions.md names its columns). An empty output cell means "nothing of this kind".
 */
@Component
public class DmnPromotionTable implements PromotionTable {

    public static final String DECISION_KEY = "order-pricing";

    private final DecisionService decisions;

    public DmnPromotionTable(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public List<PromotionHit> promotionsFor(PricingContext line) {
        return decisions.evaluateDecisionTableByKey(DECISION_KEY)
                .variables(inputs(line))
                .evaluate()
                .getResultList().stream()
                .map(DmnPromotionTable::hit)
                .toList();
    }

    /** The table's input columns, by the names its input expressions use. */
    public static VariableMap inputs(PricingContext line) {
        return Variables.createVariables()
                .putValue("sku", line.sku())
                .putValue("category", line.category())
                .putValue("storeId", line.storeId())
                .putValue("channel", line.channel().name())
                .putValue("loyaltyTier", line.loyaltyTier().name())
                .putValue("quantity", line.quantity())
                .putValue("orderDate", line.orderDate())
                .putValue("couponCode", line.couponCode())
                .putValue("basket", line.basket())
                .putValue("stockCoverDays", line.stockCoverDays());
    }

    /** One matching row as a promotion; amounts go through their decimal text so 4.99 stays 4.99. */
    public static PromotionHit hit(Map<String, Object> row) {
        return new PromotionHit((String) row.get("promotionCode"), whole(row.get("discountPercent")),
                decimal(row.get("amountOffEach")), whole(row.get("buy")), whole(row.get("getFree")),
                decimal(row.get("capPerOrder")), row.get("lineCapPercent") == null ? null : whole(row.get("lineCapPercent")));
    }

    private static int whole(Object cell) {
        return cell == null ? 0 : ((Number) cell).intValue();
    }

    private static BigDecimal decimal(Object cell) {
        return cell == null ? null : new BigDecimal(cell.toString());
    }
}
