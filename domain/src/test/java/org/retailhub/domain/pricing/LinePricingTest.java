package org.retailhub.domain.pricing;

import org.retailhub.domain.shared.Money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
