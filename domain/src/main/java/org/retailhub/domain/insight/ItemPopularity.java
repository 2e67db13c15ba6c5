package org.retailhub.domain.insight;

/** How much interest all consenting customers showed in one article lately (decaying), and its category. */
public record ItemPopularity(String sku, String category, DecayingScore interest) {

    /** Nothing known yet (the stream's starting value). */
    public static ItemPopularity none() {
        return new ItemPopularity(null, null, null);
    }

    /** This popularity after one more interaction with the article. */
    public ItemPopularity with(CoOccurrence evidence, InsightModel model) {
        DecayingScore added = DecayingScore.of(evidence.weight(), evidence.at());
        // a till sale does not know the category: the one a customer's interaction brought stays
        return new ItemPopularity(evidence.sku(), evidence.category() != null ? evidence.category() : category,
                interest == null ? added : interest.plus(evidence.weight(), evidence.at(), model.halfLife()));
    }
}
