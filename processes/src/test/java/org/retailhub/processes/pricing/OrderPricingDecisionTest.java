package org.retailhub.processes.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retailhub.domain.pricing.PricingContext;
import org.retailhub.domain.pricing.PromotionHit;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;

/**
 * Every rule of the order-pricing table, as an analyst would read it: which line gets which promotions, and what each
 * gives. The table runs on the hub's own FEEL engine, as in production; after all cases every rule must have matched
 * at least once, so a new row without a case here fails the build.
 */
class OrderPricingDecisionTest {

    private static final Set<String> MATCHED = ConcurrentHashMap.newKeySet();
    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(() -> new ParsedOnceFeelEngine(List.of()));
        configuration.customPostDecisionTableEvaluationListeners(List.<DmnDecisionTableEvaluationListener>of(
                (DmnDecisionTableEvaluationEvent event) -> event.getMatchingRules().forEach(rule -> MATCHED.add(rule.getId()))));
        dmn = configuration.buildEngine();
        try (InputStream table = OrderPricingDecisionTest.class.getResourceAsStream("/bpmn/order/order-pricing.dmn")) {
            decision = dmn.parseDecision(DmnPromotionTable.DECISION_KEY, table);
        }
    }

    @AfterAll
    static void everyRuleMatchedSomeCase() {
        List<String> rules = ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules().stream().map(DmnDecisionTableRuleImpl::getId).toList();
        assertThat(MATCHED).as("rules no case here reaches").containsAll(rules);
    }

    @Test
    void everyMatchingRuleApplies() {
        assertThat(((DmnDecisionTableImpl) decision.getDecisionLogic()).getHitPolicyHandler().getHitPolicyEntry().getHitPolicy())
                .isEqualTo(HitPolicy.COLLECT);
    }

    /** sku | category | store | channel | tier | quantity | date | coupon | basket | expected promotions (code:percent:amountOffEach:buy:getFree:capPerOrder:lineCap%) */
    @ParameterizedTest(name = "{0} {1} x{5} in {2} via {3}, {4}, {6}, coupon {7}, basket {8} -> {9}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "SKU-0003 | GROCERY     | STORE-001 | WEB | NONE     | 1 | 2026-12-01 | null      | SKU-0003          | ''",
            "SKU-0002 | APPAREL     | STORE-001 | WEB | NONE     | 1 | 2026-12-01 | null      | SKU-0002          | CATEGORY-APPAREL-10:10:0.00:0:0:-:50",
            "SKU-0003 | GROCERY     | STORE-001 | POS | NONE     | 3 | 2026-12-01 | null      | SKU-0003          | MULTIBUY-3:15:0.00:0:0:-:50",
            "SKU-0003 | GROCERY     | STORE-001 | WEB | GOLD     | 2 | 2026-12-01 | null      | SKU-0003          | LOYALTY-GOLD:5:0.00:0:0:-:50",
            "SKU-0004 | HOME        | STORE-001 | WEB | PLATINUM | 1 | 2026-12-01 | null      | SKU-0004          | LOYALTY-PLATINUM:8:0.00:0:0:-:50",
            "SKU-0005 | TOYS        | WEB-DC    | APP | NONE     | 1 | 2026-12-01 | null      | SKU-0005          | APP-TOYS-5:5:0.00:0:0:-:50",
            "SKU-0005 | TOYS        | WEB-DC    | WEB | NONE     | 1 | 2026-12-01 | null      | SKU-0005          | ''",
            "SKU-0046 | ELECTRONICS | STORE-001 | WEB | NONE     | 2 | 2026-12-01 | null      | SKU-0046          | ARTICLE-0046-5OFF:0:5.00:0:0:-:50",
            "SKU-0003 | GROCERY     | STORE-002 | POS | NONE     | 2 | 2026-12-01 | null      | SKU-0003          | STORE-002-GROCERY-3FOR2:0:0.00:2:1:-:50",
            "SKU-0004 | HOME        | STORE-002 | POS | NONE     | 1 | 2026-12-01 | null      | SKU-0004          | ''",
            "SKU-0001 | ELECTRONICS | STORE-001 | WEB | NONE     | 1 | 2026-11-26 | null      | SKU-0001          | ''",
            "SKU-0001 | ELECTRONICS | STORE-001 | WEB | NONE     | 1 | 2026-11-27 | null      | SKU-0001          | BLACK-FRIDAY-ELECTRONICS-20:20:0.00:0:0:-:50",
            "SKU-0001 | ELECTRONICS | STORE-001 | WEB | NONE     | 1 | 2026-11-30 | null      | SKU-0001          | BLACK-FRIDAY-ELECTRONICS-20:20:0.00:0:0:-:50",
            "SKU-0001 | ELECTRONICS | STORE-001 | WEB | NONE     | 1 | 2026-12-01 | null      | SKU-0001          | ''",
            "SKU-0048 | GROCERY     | STORE-001 | WEB | NONE     | 1 | 2026-12-01 | null      | SKU-0048 SKU-0049 | BUNDLE-LAMP-BEANS:0:0.00:0:1:-:50",
            "SKU-0048 | GROCERY     | STORE-001 | WEB | NONE     | 1 | 2026-12-01 | null      | SKU-0048 SKU-0047 | ''",
            "SKU-0049 | HOME        | STORE-001 | WEB | NONE     | 1 | 2026-12-01 | null      | SKU-0048 SKU-0049 | ''",
            "SKU-0004 | HOME        | STORE-001 | WEB | NONE     | 1 | 2026-12-01 | WELCOME10 | SKU-0004          | COUPON-WELCOME10:10:0.00:0:0:15.00:50",
            "SKU-0004 | HOME        | STORE-001 | WEB | NONE     | 1 | 2026-12-01 | WELCOME5  | SKU-0004          | ''",
            "SKU-0002 | APPAREL     | STORE-001 | APP | PLATINUM | 4 | 2026-12-01 | WELCOME10 | SKU-0002          | "
                    + "CATEGORY-APPAREL-10:10:0.00:0:0:-:50 MULTIBUY-3:15:0.00:0:0:-:50 LOYALTY-PLATINUM:8:0.00:0:0:-:50 COUPON-WELCOME10:10:0.00:0:0:15.00:50"})
    void linesGetTheirPromotions(String sku, String category, String store, Channel channel, LoyaltyTier tier, int quantity,
                                 LocalDate date, String coupon, String basket, String expected) {
        PricingContext line = new PricingContext(sku, category, quantity, store, channel, tier, date, coupon, Arrays.asList(basket.split(" ")), null);

        assertThat(promotionsOf(line)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "stock cover {0} days: {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null | ''",
            "0    | ''",
            "364  | ''",
            "365  | MARKDOWN-OVERSTOCK-20:20:0.00:0:0:-:50",
            "999  | MARKDOWN-OVERSTOCK-20:20:0.00:0:0:-:50"})
    void anArticleWhoseStockLastsAYearIsMarkedDown(Integer cover, String expected) {
        PricingContext line = new PricingContext("SKU-0004", "HOME", 1, "STORE-001", Channel.POS, LoyaltyTier.NONE, LocalDate.of(2026, 12, 1),
                null, List.of("SKU-0004"), cover);

        assertThat(promotionsOf(line)).isEqualTo(expected);
    }

    /** The promotions the table gives the line, as the cases write them. */
    private static String promotionsOf(PricingContext line) {
        return dmn.evaluateDecisionTable(decision, DmnPromotionTable.inputs(line)).getResultList().stream()
                .map(DmnPromotionTable::hit).map(OrderPricingDecisionTest::shown).collect(Collectors.joining(" "));
    }

    private static String cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String shown(PromotionHit hit) {
        return Arrays.asList(hit.code(), hit.discountPercent(), cents(hit.amountOffEach()), hit.buy(), hit.getFree(),
                        hit.capPerOrder() == null ? "-" : cents(hit.capPerOrder()), hit.lineCapPercent())
                .stream().map(String::valueOf).collect(Collectors.joining(":"));
    }
}
