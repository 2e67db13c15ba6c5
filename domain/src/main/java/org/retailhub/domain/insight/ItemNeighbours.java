package org.retailhub.domain.insight;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The articles customers showed interest in together with one article, each with a decaying score; only the
 * strongest {@link InsightModel#maxNeighbours()} are kept, so the record stays small however long the history.
 */
public record ItemNeighbours(String sku, Map<String, DecayingScore> neighbours) {

    public ItemNeighbours {
        neighbours = Map.copyOf(neighbours);
    }

    /** Nothing known yet (the stream's starting value, before the first co-occurrence names the article). */
    public static ItemNeighbours none() {
        return new ItemNeighbours(null, Map.of());
    }

    /** These neighbours after one more co-occurrence of this article with another. */
    public ItemNeighbours with(CoOccurrence evidence, InsightModel model) {
        Map<String, DecayingScore> scores = new HashMap<>(neighbours);
        scores.merge(evidence.other(), DecayingScore.of(evidence.weight(), evidence.at()),
                (old, added) -> old.plus(added.value(), evidence.at(), model.halfLife()));
        Instant now = evidence.at();
        while (scores.size() > model.maxNeighbours()) {
            scores.entrySet().stream()
                    .min(Comparator.comparingDouble(e -> e.getValue().at(now, model.halfLife())))
                    .ifPresent(weakest -> scores.remove(weakest.getKey()));
        }
        return new ItemNeighbours(evidence.sku(), scores);
    }
}
