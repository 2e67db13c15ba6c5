package org.retailhub.domain.insight;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Recommends articles to a customer: first those that other customers showed interest in together with what this
 * customer looked at or bought lately (item-to-item co-occurrence, normalised by both articles' popularity so that
 * best-sellers do not crowd out everything), then popular articles, those of the customer's preferred categories
 * first. Never what the customer just bought, never what the shelf does not hold. A customer without a profile gets
 * the popular articles.
 */
public class Recommender {

    private final InsightModel model;

    public Recommender(InsightModel model) {
        this.model = model;
    }

    /**
     * @param profile    the customer's profile, or null for a customer the hub knows nothing of
     * @param neighbours the co-occurring articles of an article
     * @param popularity every article's popularity
     * @param onShelf    whether an article may be offered (in stock where the customer shops)
     */
    public List<Recommendation> recommend(CustomerProfile profile, Function<String, Optional<ItemNeighbours>> neighbours,
                                          Collection<ItemPopularity> popularity, Predicate<String> onShelf, int k, Instant now) {
        Map<String, Double> popular = popularity.stream().filter(p -> p.sku() != null)
                .collect(Collectors.toMap(ItemPopularity::sku, p -> p.interest().at(now, model.halfLife()), Double::sum));
        Set<String> justBought = profile == null ? Set.of() : profile.bought().stream()
                .filter(item -> !item.at().isBefore(now.minus(model.justBought()))).map(RecentItem::sku).collect(Collectors.toSet());
        Predicate<String> offerable = sku -> !justBought.contains(sku) && onShelf.test(sku);
        Map<String, Recommendation> chosen = new LinkedHashMap<>();
        if (profile != null) {
            top(together(profile, neighbours, popular, now), offerable, k, Recommendation.Basis.CO_OCCURRENCE, chosen);
        }
        top(preferred(profile, popularity, now), offerable, k, Recommendation.Basis.POPULARITY, chosen);
        return List.copyOf(chosen.values());
    }

    /** Candidates from co-occurrence: the sum over recent articles of interest × cosine-like co-occurrence strength. */
    private Map<String, Double> together(CustomerProfile profile, Function<String, Optional<ItemNeighbours>> neighbours,
                                         Map<String, Double> popular, Instant now) {
        Map<String, Double> scores = new HashMap<>();
        for (RecentItem seen : profile.recent()) {
            double interest = DecayingScore.of(seen.kind().interest(), seen.at()).at(now, model.halfLife());
            double seenPopularity = popular.getOrDefault(seen.sku(), 0.0);
            neighbours.apply(seen.sku()).ifPresent(found -> found.neighbours().forEach((sku, strength) -> {
                double both = Math.sqrt(seenPopularity * popular.getOrDefault(sku, 0.0));
                if (both > 0 && !sku.equals(seen.sku())) {
                    scores.merge(sku, interest * strength.at(now, model.halfLife()) / both, Double::sum);
                }
            }));
        }
        return scores;
    }

    /** Popular articles, lifted by the customer's share of interest in their category (up to twice as high). */
    private Map<String, Double> preferred(CustomerProfile profile, Collection<ItemPopularity> popularity, Instant now) {
        Map<String, Double> categories = profile == null ? Map.of() : profile.categories().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().at(now, model.halfLife())));
        double total = categories.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> scores = new HashMap<>();
        for (ItemPopularity item : popularity) {
            if (item.sku() != null) {
                double share = total > 0 ? categories.getOrDefault(item.category(), 0.0) / total : 0.0;
                scores.merge(item.sku(), item.interest().at(now, model.halfLife()) * (1 + share), Double::sum);
            }
        }
        return scores;
    }

    private static void top(Map<String, Double> scores, Predicate<String> offerable, int k, Recommendation.Basis basis,
                            Map<String, Recommendation> chosen) {
        scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .filter(e -> !chosen.containsKey(e.getKey()) && offerable.test(e.getKey()))
                .limit(Math.max(0, k - chosen.size()))
                .forEach(e -> chosen.put(e.getKey(), new Recommendation(e.getKey(), e.getValue(), basis)));
    }
}
