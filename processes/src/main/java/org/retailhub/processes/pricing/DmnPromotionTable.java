package org.retailhub.processes.pricing;

import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.retailhub.domain.pricing.PricingContext;
import org.retailhub.domain.pricing.PromotionHit;
import org.retailhub.domain.pricing.PromotionTable;
import org.springframework.stereotype.Component;

/** The promotion table as the DMN decision {@code order-pricing} that analysts edit in Camunda Modeler. */
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
                .variables(Variables.createVariables()
                        .putValue("category", line.category())
                        .putValue("quantity", line.quantity())
                        .putValue("loyaltyTier", line.loyaltyTier().name())
                        .putValue("channel", line.channel().name()))
                .evaluate()
                .getResultList().stream()
                .map(rule -> new PromotionHit((String) rule.get("promotionCode"), ((Number) rule.get("discountPercent")).intValue()))
                .toList();
    }
}
