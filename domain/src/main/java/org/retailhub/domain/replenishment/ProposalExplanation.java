package org.retailhub.domain.replenishment;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.retailhub.domain.replenishment.forecast.ModelKind;

/**
 * Why a proposal line asks for what it asks: the forecast behind it, the safety stock, the position and the rule.
 * Quantities are units; demand figures are the forecast's expectation, before rounding.
 *
 * @param model              the forecasting model chosen for the series
 * @param forecastError      its backtest error (MASE), where there was a backtest
 * @param dailyErrorSpread   standard deviation of one day's forecast error (√(π/2) × the backtest's mean absolute error)
 * @param errorFromBacktest  false where there was no backtest and the spread is that of Poisson demand (√ mean)
 * @param leadTimeDays       mean lead time of the supplier
 * @param leadTimeSpreadDays its standard deviation
 * @param reviewDays         days until the supplier's next order day: how long this order must last
 * @param demandOverLeadTime forecast demand from today until an order placed today arrives
 * @param demandOverCover    forecast demand over the lead time and the review days
 * @param serviceLevel       the category's cycle service level
 * @param z                  its safety factor
 * @param safetyStock        z × the spread of demand over the lead time and the review days (with the lead time's spread)
 * @param reorderPoint       demand over the lead time + z × its spread: below it, stock may run out before the order arrives
 * @param orderUpTo          demand over the lead time and the review days + the safety stock
 * @param position           the inventory position the order tops up
 * @param rule               the rule that set the quantity
 */
public record ProposalExplanation(ModelKind model, Optional<Double> forecastError, double dailyErrorSpread,
                                  boolean errorFromBacktest, double leadTimeDays, double leadTimeSpreadDays, int reviewDays,
                                  double demandOverLeadTime, double demandOverCover, double serviceLevel, double z,
                                  double safetyStock, double reorderPoint, double orderUpTo, InventoryPosition position,
                                  ReorderRule rule) {

    public ProposalExplanation {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(forecastError, "forecastError");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(rule, "rule");
    }

    /** One paragraph for the buyer. */
    public String text() {
        return String.format(Locale.ROOT, "Forecast %s%s: %.1f units over the %.1f-day lead time, %.1f over the %.1f days"
                        + " until the order after next can arrive. Safety stock %.1f (service level %.1f %%, z %.2f, daily"
                        + " error %.2f%s, lead time ± %.1f days). Reorder point %.1f, order-up-to %.1f. Position %d"
                        + " (on hand %d + on order %d − reserved %d). Rule: %s.",
                model, forecastError.map(e -> String.format(Locale.ROOT, " (MASE %.2f)", e)).orElse(""),
                demandOverLeadTime, leadTimeDays, demandOverCover, leadTimeDays + reviewDays, safetyStock,
                100 * serviceLevel, z, dailyErrorSpread, errorFromBacktest ? "" : " assumed Poisson", leadTimeSpreadDays,
                reorderPoint, orderUpTo, position.position(), position.onHand(), position.onOrder(), position.reserved(),
                rule);
    }
}
