package org.retailhub.processes.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the order-pricing table, as an analyst would read it: which line gets which promotions. */
class OrderPricingDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = OrderPricingDecisionTest.class.getResourceAsStream("/bpmn/order/order-pricing.dmn")) {
            decision = dmn.parseDecision("order-pricing", table);
        }
    }

    @ParameterizedTest(name = "{0} x{1}, {2}, {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "GROCERY     | 1 | NONE     | WEB | ''",
            "APPAREL     | 1 | NONE     | WEB | CATEGORY-APPAREL-10:10",
            "GROCERY     | 3 | NONE     | POS | MULTIBUY-3:15",
            "GROCERY     | 2 | GOLD     | WEB | LOYALTY-GOLD:5",
            "HOME        | 1 | PLATINUM | WEB | LOYALTY-PLATINUM:8",
            "TOYS        | 1 | NONE     | APP | APP-TOYS-5:5",
            "TOYS        | 1 | NONE     | WEB | ''",
            "APPAREL     | 4 | PLATINUM | APP | CATEGORY-APPAREL-10:10 MULTIBUY-3:15 LOYALTY-PLATINUM:8",
            "SILVER_CAT  | 1 | SILVER   | WEB | ''"})
    void linesGetTheirPromotions(String category, int quantity, String tier, String channel, String expected) {
        List<String> hits = dmn.evaluateDecisionTable(decision, Variables.createVariables()
                        .putValue("category", category).putValue("quantity", quantity)
                        .putValue("loyaltyTier", tier).putValue("channel", channel))
                .getResultList().stream()
                .map(r -> r.get("promotionCode") + ":" + r.get("discountPercent"))
                .toList();

        assertThat(String.join(" ", hits)).isEqualTo(expected);
    }
}
