package org.retailhub.domain.replenishment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.retailhub.domain.replenishment.forecast.DailyQuantity;
import org.retailhub.domain.replenishment.forecast.DemandForecast;
import org.retailhub.domain.replenishment.forecast.DemandForecaster;
import org.retailhub.domain.replenishment.forecast.DemandSeries;
import org.retailhub.domain.replenishment.forecast.ForecastNote;
import org.retailhub.domain.replenishment.forecast.ForecastSettings;

/**
 * Plans one article in one store for today: its sales history, brought up to yesterday, is forecast at least as far
 * as the supplier's lead time and the days to its next order day need ({@link ReorderPolicy#horizon}), promotions
 * known for the article taken into account ({@link PromotionUplift}), and the policy turns the forecast into a
 * proposal line. Stateless and safe to share between threads.
 */
public final class ReplenishmentPlanner {

    private final ForecastSettings settings;
    private final ReorderPolicy policy;

    /**
     * @param settings the forecast's settings; its horizon is the shortest the planner forecasts (the forecast API's
     *                 horizon, so that both show the same model for an article)
     */
    public ReplenishmentPlanner(ForecastSettings settings, ServiceLevels serviceLevels) {
        this.settings = settings;
        this.policy = new ReorderPolicy(serviceLevels);
    }

    /** The forecast and the proposal line of one article on one day. */
    public record Plan(DemandForecast forecast, ProposalLine line) {
    }

    public Plan plan(ArticleSituation article, LocalDate today) {
        DemandSeries history = untilYesterday(article.history(), today);
        int horizon = Math.max(settings.horizon(), ReorderPolicy.horizon(article.terms(), today));
        DemandForecaster forecaster = new DemandForecaster(new ForecastSettings(horizon, settings.backtestOrigins(),
                settings.originSpacing(), settings.outlierCutoff()));
        DemandForecast forecast = withPromotions(forecaster, history, article.promotionDays());
        ProposalLine line = policy.propose(article.storeId(), article.category(), forecast, article.terms(),
                article.position(), today);
        return new Plan(forecast, line);
    }

    /**
     * The forecast of the usual demand (past promotion days divided by the article's {@link PromotionUplift}), with the
     * days of planned promotions multiplied by it; the forecaster's own where no promotion is known.
     */
    private static DemandForecast withPromotions(DemandForecaster forecaster, DemandSeries history, Set<LocalDate> promotionDays) {
        double[] sales = history.quantities();
        double uplift = PromotionUplift.estimate(sales, history.firstDay(), promotionDays);
        if (uplift == PromotionUplift.NONE) {
            return forecaster.forecast(history);
        }
        for (int t = 0; t < sales.length; t++) {
            if (promotionDays.contains(history.firstDay().plusDays(t))) {
                sales[t] /= uplift;
            }
        }
        DemandForecast usual = forecaster.forecast(new DemandSeries(history.firstDay(), sales, history.unrecordedDays()));
        List<DailyQuantity> days = usual.days().stream()
                .map(d -> promotionDays.contains(d.day()) ? new DailyQuantity(d.day(), d.quantity() * uplift) : d).toList();
        int past = PromotionUplift.count(history.firstDay(), history.days(), promotionDays);
        int planned = PromotionUplift.count(days.get(0).day(), days.size(), promotionDays);
        List<ForecastNote> notes = new ArrayList<>(usual.notes());
        notes.add(new ForecastNote(ForecastNote.Reason.PROMOTION_UPLIFT, past, String.format(Locale.ROOT,
                "uplift ×%.3f learnt from %d past promotion days (divided by it before fitting); %d planned promotion days"
                        + " in the forecast multiplied by it", uplift, past, planned)));
        Map<String, Double> parameters = new LinkedHashMap<>(usual.parameters());
        parameters.put("promotionUplift", uplift);
        return new DemandForecast(usual.model(), parameters, usual.backtest(), notes, days);
    }

    /**
     * The history ending yesterday: the days between its last record and yesterday had no sales; a history reaching
     * today or later is refused (today's sales are not complete yet).
     */
    static DemandSeries untilYesterday(DemandSeries history, LocalDate today) {
        long missing = ChronoUnit.DAYS.between(history.lastDay(), today.minusDays(1));
        if (missing < 0) {
            throw new IllegalArgumentException("the sales history runs until " + history.lastDay() + ", planning is for "
                    + today + ": only days before today count");
        }
        if (missing == 0) {
            return history;
        }
        double[] padded = Arrays.copyOf(history.quantities(), Math.toIntExact(history.days() + missing));
        return new DemandSeries(history.firstDay(), padded, Math.toIntExact(history.unrecordedDays() + missing));
    }
}
