package org.retailhub.ops.insight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.retailhub.domain.insight.CustomerProfile;
import org.retailhub.domain.insight.InsightModel;
import org.retailhub.domain.insight.Interaction;
import org.retailhub.domain.insight.InteractionKind;
import org.retailhub.domain.insight.ItemNeighbours;
import org.retailhub.domain.insight.ItemPopularity;
import org.retailhub.domain.insight.Recommendation;
import org.retailhub.domain.insight.Recommender;

/**
 * Leave-last-out evaluation of the hub's recommender against popularity on a {@link SyntheticPurchases} log: each
 * customer's last purchase (and anything they did from then on) is held out, everything else is played through the
 * same domain code the Kafka Streams topology runs (profiles, co-occurrence, popularity), and at the moment of the
 * held-out purchase both recommenders name ten articles. Hit rate@10: how often the bought article is among them;
 * NDCG@10: the same, discounted by its rank.
 */
public final class RecommenderEvaluation {

    private static final int K = 10;

    private RecommenderEvaluation() {
    }

    /** The figures of one run. */
    public record Result(int customers, int interactions, double hubHitRate, double hubNdcg, double popularHitRate, double popularNdcg) {

        public double hitRateRatio() {
            return popularHitRate == 0 ? Double.POSITIVE_INFINITY : hubHitRate / popularHitRate;
        }

        public String json() {
            return String.format(java.util.Locale.ROOT,
                    "{\"customers\":%d,\"interactions\":%d,\"k\":%d,\"hub\":{\"hitRate\":%.4f,\"ndcg\":%.4f},"
                            + "\"popularity\":{\"hitRate\":%.4f,\"ndcg\":%.4f},\"hitRateRatio\":%.2f}",
                    customers, interactions, K, hubHitRate, hubNdcg, popularHitRate, popularNdcg, hitRateRatio());
        }
    }

    /** Evaluates the model on the log. */
    public static Result evaluate(List<Interaction> log, InsightModel model) {
        Map<String, Interaction> heldOut = lastPurchases(log);
        Map<String, CustomerProfile> profiles = new HashMap<>();
        Map<String, ItemNeighbours> neighbours = new HashMap<>();
        Map<String, ItemPopularity> popularity = new HashMap<>();
        int played = 0;
        for (Interaction event : log) {
            Interaction last = heldOut.get(event.customerId());
            if (last != null && !event.occurredAt().isBefore(last.occurredAt())) {
                continue;
            }
            CustomerProfile profile = profiles.getOrDefault(event.customerId(), CustomerProfile.first(event.customerId()));
            profile.evidence(event, model).forEach(evidence -> {
                if (evidence.isPopularity()) {
                    popularity.merge(evidence.sku(), ItemPopularity.none().with(evidence, model), (old, added) -> old.with(evidence, model));
                } else {
                    neighbours.merge(evidence.sku(), ItemNeighbours.none().with(evidence, model), (old, added) -> old.with(evidence, model));
                }
            });
            profiles.put(event.customerId(), profile.with(event, model));
            played++;
        }
        Recommender recommender = new Recommender(model);
        Instant now = log.get(log.size() - 1).occurredAt();
        double hubHits = 0, hubGain = 0, popularHits = 0, popularGain = 0;
        List<ItemPopularity> popular = new ArrayList<>(popularity.values());
        for (Interaction last : heldOut.values()) {
            List<Recommendation> hub = recommender.recommend(profiles.get(last.customerId()), sku -> Optional.ofNullable(neighbours.get(sku)),
                    popular, sku -> true, K, now);
            List<Recommendation> crowd = recommender.recommend(null, sku -> Optional.empty(), popular, sku -> true, K, now);
            hubHits += rank(hub, last.sku()) > 0 ? 1 : 0;
            hubGain += gain(rank(hub, last.sku()));
            popularHits += rank(crowd, last.sku()) > 0 ? 1 : 0;
            popularGain += gain(rank(crowd, last.sku()));
        }
        int n = heldOut.size();
        return new Result(n, played, hubHits / n, hubGain / n, popularHits / n, popularGain / n);
    }

    private static Map<String, Interaction> lastPurchases(List<Interaction> log) {
        Map<String, Interaction> last = new HashMap<>();
        for (Interaction event : log) {
            if (event.kind() == InteractionKind.PURCHASE) {
                last.put(event.customerId(), event);
            }
        }
        return last;
    }

    /** 1-based rank of the article among the recommendations, 0 if absent. */
    private static int rank(List<Recommendation> recommended, String sku) {
        for (int i = 0; i < recommended.size(); i++) {
            if (recommended.get(i).sku().equals(sku)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static double gain(int rank) {
        return rank == 0 ? 0 : 1 / (Math.log(rank + 1) / Math.log(2));
    }

    /** {@code [customers] [articles] [categories] [mean purchases] [seed]}: prints the result as JSON. */
    public static void main(String[] args) {
        SyntheticPurchases log = new SyntheticPurchases(arg(args, 0, 5000), arg(args, 1, 1000), arg(args, 2, 40), arg(args, 3, 12), arg(args, 4, 20261201));
        System.out.println(evaluate(log.log(), InsightModel.standard()).json());
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
