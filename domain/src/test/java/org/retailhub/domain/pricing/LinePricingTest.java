package org.retailhub.domain.pricing;

import org.retailhub.domain.shared.Money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinePricingTest {

    @Test
    void promotionsArePercentagesOfTheGrossRoundedHalfEvenToCents() {
        PricedLine line = LinePricing.price(1, Money.of("0.35", "EUR"), 3,
                List.of(new PromotionHit("A", 10), new PromotionHit("B", 15)));

        // gross 1.05; 10 % = 0.105 -> 0.10 (half-even), 15 % = 0.1575 -> 0.16
        assertThat(line.gross()).isEqualTo(Money.of("1.05", "EUR"));
        assertThat(line.promotions()).extracting(p -> p.amount()).containsExactly(Money.of("0.10", "EUR"), Money.of("0.16", "EUR"));
        assertThat(line.total()).isEqualTo(Money.of("0.79", "EUR"));
    }

    @Test
    void stackedPromotionsNeverTakeMoreThanHalf() {
        PricedLine line = LinePricing.price(2, Money.of("10.00", "EUR"), 1,
                List.of(new PromotionHit("A", 30), new PromotionHit("B", 30), new PromotionHit("C", 30)));

        assertThat(line.promotions()).extracting(AppliedPromotion::discountPercent).containsExactly(30, 20);
        assertThat(line.total()).isEqualTo(Money.of("5.00", "EUR"));
    }

    @Test
    void noPromotionMeansListPriceTimesQuantity() {
        assertThat(LinePricing.price(1, Money.of("19.99", "EUR"), 7, List.of()).total()).isEqualTo(Money.of("139.93", "EUR"));
    }

    @Test
    void moneyRefusesToMixCurrenciesAndNonPositiveQuantities() {
        assertThatThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "USD"))).hasMessageContaining("EUR").hasMessageContaining("USD");
        assertThatThrownBy(() -> LinePricing.price(1, Money.of("1.00", "EUR"), 0, List.of())).hasMessageContaining("quantity");
    }

    @Test
    void aFixedAmountComesOffEachUnitButNeverMoreThanTheUnitCosts() {
        PricedLine line = LinePricing.price(1, Money.of("12.99", "EUR"), 3, List.of(hit("FIVE-OFF", 0, "5.00", 0, 0, null, null)));
        PricedLine cheap = LinePricing.price(2, Money.of("3.00", "EUR"), 2, List.of(hit("FIVE-OFF", 0, "5.00", 0, 0, null, 100)));

        assertThat(line.discount()).isEqualTo(Money.of("15.00", "EUR"));
        assertThat(line.total()).isEqualTo(Money.of("23.97", "EUR"));
        assertThat(cheap.total()).as("never below nothing, even with the cap lifted").isEqualTo(Money.of("0.00", "EUR"));
    }

    @Test
    void buyTwoGetOneFreeGivesAwayOneUnitOfEveryThree() {
        PricedLine seven = LinePricing.price(1, Money.of("4.50", "EUR"), 7, List.of(hit("3-FOR-2", 0, null, 2, 1, null, null)));

        // 7 units: two full groups of three, so two free; 9.00 of 31.50 is 29 %
        assertThat(seven.discount()).isEqualTo(Money.of("9.00", "EUR"));
        assertThat(seven.promotions()).extracting(AppliedPromotion::discountPercent).containsExactly(29);
        assertThat(LinePricing.price(1, Money.of("4.50", "EUR"), 2, List.of(hit("3-FOR-2", 0, null, 2, 1, null, null))).discount())
                .isEqualTo(Money.of("0.00", "EUR"));
    }

    @Test
    void aBundleGiftIsTheFirstUnitsOfTheLineOnce() {
        PricedLine gift = LinePricing.price(1, Money.of("8.00", "EUR"), 4, List.of(hit("BUNDLE", 0, null, 0, 1, null, null)));

        assertThat(gift.total()).isEqualTo(Money.of("24.00", "EUR"));
    }

    @Test
    void aCapPerOrderCountsOverEveryLineOfTheOrder() {
        LinePricing order = LinePricing.forOneOrder();
        PromotionHit coupon = hit("WELCOME10", 10, null, 0, 0, "15.00", null);

        PricedLine first = order.priceLine(1, Money.of("100.00", "EUR"), 1, List.of(coupon));
        PricedLine second = order.priceLine(2, Money.of("80.00", "EUR"), 1, List.of(coupon));
        PricedLine third = order.priceLine(3, Money.of("10.00", "EUR"), 1, List.of(coupon));

        assertThat(first.discount()).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(second.discount()).as("only 5.00 of the cap is left").isEqualTo(Money.of("5.00", "EUR"));
        assertThat(third.promotions()).as("the cap is used up").isEmpty();
    }

    @Test
    void aRuleMayLiftTheLineCapForTheLinesItMatches() {
        PricedLine clearance = LinePricing.price(1, Money.of("20.00", "EUR"), 1,
                List.of(new PromotionHit("CATEGORY", 10), hit("CLEARANCE", 60, null, 0, 0, null, 60)));

        assertThat(clearance.promotions()).extracting(AppliedPromotion::discountPercent).containsExactly(10, 50);
        assertThat(clearance.total()).isEqualTo(Money.of("8.00", "EUR"));
    }

    @Test
    void aHitRefusesNegativeRewardsAndPercentagesAboveAHundred() {
        assertThatThrownBy(() -> hit("X", 0, "-1.00", 0, 0, null, null)).hasMessageContaining("negative");
        assertThatThrownBy(() -> hit("X", 101, null, 0, 0, null, null)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> hit("X", 0, null, -1, 1, null, null)).hasMessageContaining("negative");
        assertThatThrownBy(() -> hit("X", 0, null, 0, 0, "-5", null)).hasMessageContaining("cap per order");
    }

    private static PromotionHit hit(String code, int percent, String amountOffEach, int buy, int getFree, String capPerOrder, Integer lineCap) {
        return new PromotionHit(code, percent, amountOffEach == null ? null : new BigDecimal(amountOffEach), buy, getFree,
                capPerOrder == null ? null : new BigDecimal(capPerOrder), lineCap);
    }
}
