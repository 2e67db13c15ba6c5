package org.retailhub.ops.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.insight.InsightModel;
import org.retailhub.domain.insight.Interaction;
import org.retailhub.domain.insight.InteractionKind;

/** The evaluation on a small log: it holds out one purchase per customer and the hub's recommender beats popularity. */
class RecommenderEvaluationTest {

    private final SyntheticPurchases small = new SyntheticPurchases(400, 200, 10, 10, 7);

    @Test
    void everyCustomerHasAPurchaseToLeaveOutAndTheLogIsInTimeOrder() {
        List<Interaction> log = small.log();

        assertThat(log.stream().filter(i -> i.kind() == InteractionKind.PURCHASE).map(Interaction::customerId).distinct()).hasSize(400);
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).occurredAt()).isAfterOrEqualTo(log.get(i - 1).occurredAt());
        }
    }

    @Test
    void knowingWhatCustomersLikeAndBuyTogetherFindsTheirNextPurchaseFarMoreOftenThanPopularity() {
        RecommenderEvaluation.Result result = RecommenderEvaluation.evaluate(small.log(), InsightModel.standard());

        assertThat(result.customers()).isEqualTo(400);
        assertThat(result.hubHitRate()).isGreaterThan(2 * result.popularHitRate());
        assertThat(result.hubNdcg()).isGreaterThan(result.popularNdcg());
    }
}
