package org.retailhub.domain.replenishment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.retailhub.domain.replenishment.forecast.DemandForecast;

/**
 * Turns a demand forecast into an order proposal for one article in one store: a periodic review with an order-up-to
 * level and a reorder point, rounded to the supplier's packs and minimum order, on the supplier's order days only.
 *
 * <ul>
 *   <li>An order placed today arrives after the lead time L and must last until the order placed on the supplier's
 *       next order day (R days later) arrives: the cover period is L + R days.</li>
 *   <li>Safety stock = z × √((L + R) σ² + d² σ_L²), where σ is the spread of one day's forecast error (from the
 *       backtest's mean absolute error, √(π/2) × MAE, as for normal errors), d the forecast's mean daily demand over
 *       the cover period and σ_L the spread of the lead time; z is the category's service level as a normal
 *       quantile.</li>
 *   <li>Order-up-to level = forecast demand over L + R, plus the safety stock. Reorder point = forecast demand over L
 *       plus z × √(L σ² + d² σ_L²): below it, stock may run out before an order placed today arrives.</li>
 *   <li>On an order day, the shortfall (order-up-to − position) is rounded to the nearest whole pack, or up to whole
 *       packs where the position is below the reorder point, and raised to the minimum order.</li>
 * </ul>
 * Stateless and safe to share.
 */
public final class ReorderPolicy {

    private static final double NORMAL_SPREAD_PER_MEAN_ABSOLUTE_ERROR = Math.sqrt(Math.PI / 2);

    private final ServiceLevels serviceLevels;

    public ReorderPolicy(ServiceLevels serviceLevels) {
        this.serviceLevels = serviceLevels;
    }

    /** How many days the forecast must cover from {@code today} for these terms: lead time and review days. */
    public static int horizon(SupplyTerms terms, LocalDate today) {
        return Math.min(366, (int) Math.ceil(terms.leadTimeDays()) + terms.daysToNextOrderDay(today));
    }

    /**
     * The proposal for one article in one store on {@code today}.
     *
     * @param forecast its daily forecast, starting today or earlier (days before today are passed over), covering at
     *                 least {@link #horizon} days from today
     * @throws IllegalArgumentException if the forecast starts after today or is too short
     */
    public ProposalLine propose(String storeId, String category, DemandForecast forecast, SupplyTerms terms,
                                InventoryPosition position, LocalDate today) {
        double[] daily = fromToday(forecast, today);
        int review = terms.daysToNextOrderDay(today);
        double lead = terms.leadTimeDays();
        double cover = lead + review;
        double demandOverLead = demandOver(daily, lead);
        double demandOverCover = demandOver(daily, cover);
        Optional<Double> backtestSpread = forecast.backtest()
                .flatMap(b -> forecast.error().map(e -> e * b.scale() * NORMAL_SPREAD_PER_MEAN_ABSOLUTE_ERROR));
        double meanDaily = demandOverCover / cover;
        double dailySpread = backtestSpread.orElse(Math.sqrt(meanDaily));
        double leadSpread = terms.leadTimeSpreadDays();
        double z = serviceLevels.z(category);
        double safetyStock = z * spread(cover, dailySpread, meanDaily, leadSpread);
        double reorderPoint = demandOverLead + z * spread(lead, dailySpread, meanDaily, leadSpread);
        double orderUpTo = demandOverCover + safetyStock;

        int available = position.position();
        ReorderRule rule;
        int quantity = 0;
        if (!terms.takesOrdersOn(today)) {
            rule = ReorderRule.NOT_AN_ORDER_DAY;
        } else if (available >= orderUpTo) {
            rule = ReorderRule.POSITION_COVERS;
        } else {
            boolean belowReorderPoint = available < reorderPoint;
            double packs = (orderUpTo - available) / terms.packSize();
            quantity = (int) (belowReorderPoint ? Math.ceil(packs) : Math.floor(packs + 0.5)) * terms.packSize();
            rule = belowReorderPoint ? ReorderRule.BELOW_REORDER_POINT : ReorderRule.ORDER_UP_TO;
            if (quantity == 0) {
                rule = ReorderRule.UNDER_HALF_A_PACK;
            } else if (quantity < terms.smallestOrder()) {
                quantity = terms.smallestOrder();
                rule = ReorderRule.MINIMUM_ORDER;
            }
        }
        ProposalExplanation explanation = new ProposalExplanation(forecast.model(), forecast.error(), dailySpread,
                backtestSpread.isPresent(), lead, leadSpread, review, demandOverLead, demandOverCover,
                serviceLevels.target(category), z, safetyStock, reorderPoint, orderUpTo, position, rule);
        return new ProposalLine(storeId, terms.sku(), terms.supplier(), quantity, terms.unitCost(), explanation);
    }

    /** Spread of demand over {@code days} days with an uncertain lead time: √(days σ² + d² σ_L²). */
    private static double spread(double days, double dailySpread, double meanDaily, double leadSpread) {
        return Math.sqrt(days * dailySpread * dailySpread + meanDaily * meanDaily * leadSpread * leadSpread);
    }

    private static double[] fromToday(DemandForecast forecast, LocalDate today) {
        LocalDate first = forecast.days().get(0).day();
        long skip = ChronoUnit.DAYS.between(first, today);
        if (skip < 0) {
            throw new IllegalArgumentException("the forecast starts on " + first + ", after today (" + today + ")");
        }
        return forecast.days().stream().skip(skip).mapToDouble(d -> d.quantity()).toArray();
    }

    /** Forecast demand over the first {@code days} days (a fraction of the last day counts by its fraction). */
    static double demandOver(double[] daily, double days) {
        int whole = (int) Math.floor(days);
        double part = days - whole;
        if (whole + (part > 0 ? 1 : 0) > daily.length) {
            throw new IllegalArgumentException("the forecast covers " + daily.length + " days from today, the policy needs "
                    + Math.ceil(days));
        }
        double sum = 0;
        for (int day = 0; day < whole; day++) {
            sum += daily[day];
        }
        return part > 0 ? sum + part * daily[whole] : sum;
    }
}
