package org.retailhub.ops.replenishment;

import java.util.Arrays;
import org.retailhub.domain.replenishment.ArticleSituation;
import org.retailhub.domain.replenishment.InventoryPosition;
import org.retailhub.domain.replenishment.ReplenishmentPlanner;
import org.retailhub.domain.replenishment.ServiceLevels;
import org.retailhub.domain.replenishment.forecast.DailyQuantity;
import org.retailhub.domain.replenishment.forecast.DemandSeries;
import org.retailhub.domain.replenishment.forecast.ForecastSettings;

/** The hub's own planner: forecast from the sales so far, the reorder policy on top, exactly as the hub runs it. */
final class HubPractice implements OrderingPractice {

    private final String name;
    private final SyntheticDemand demand;
    private final ReplenishmentPlanner planner;
    private final boolean knowsPromotions;

    /** @param knowsPromotions whether the planner is given the promotion calendar (the days, not their uplift) */
    HubPractice(String name, SyntheticDemand demand, ServiceLevels levels, boolean knowsPromotions) {
        this.name = name;
        this.demand = demand;
        this.planner = new ReplenishmentPlanner(ForecastSettings.DEFAULT, levels);
        this.knowsPromotions = knowsPromotions;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decision decide(SyntheticDemand.Series series, int t, double[] sales, int onHand, int onOrder) {
        SyntheticDemand.Article article = series.article();
        DemandSeries history = DemandSeries.of(demand.day(0), Arrays.copyOf(sales, t));
        ReplenishmentPlanner.Plan plan = planner.plan(new ArticleSituation(series.storeId(), article.sku(), article.category(),
                history, article.terms(), new InventoryPosition(onHand, onOrder, 0),
                knowsPromotions ? demand.promotionDays(article) : java.util.Set.of()), demand.day(t));
        return new Decision(plan.line().quantity(), plan.forecast().days().stream().mapToDouble(DailyQuantity::quantity).toArray());
    }
}
