package org.retailhub.domain.insight;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers the customer-insight API: a customer's profile and recommendations for them, read from the live stream
 * state. A customer the hub does not know, or who has not consented (or withdrew consent), gets what everyone gets:
 * the popular articles in stock.
 */
public class CustomerRecommendations {

    private final TrackingConsent consent;
    private final CustomerInsight insight;
    private final StockOnShelf shelf;
    private final InsightModel model;
    private final Recommender recommender;
    private final Clock clock;

    public CustomerRecommendations(TrackingConsent consent, CustomerInsight insight, StockOnShelf shelf, InsightModel model, Clock clock) {
        this.consent = consent;
        this.insight = insight;
        this.shelf = shelf;
        this.model = model;
        this.recommender = new Recommender(model);
        this.clock = clock;
    }

    /**
     * Up to {@code k} articles for the customer, in stock at {@code storeId} or else at the store of their profile
     * (with neither: at any store), never one they bought within {@link InsightModel#justBought()}.
     */
    public List<Recommendation> recommend(String customer, int k, String storeId) {
        CustomerProfile profile = tracked(customer).orElse(null);
        String store = storeId != null ? storeId : profile == null ? null : profile.storeId();
        Set<String> available = shelf.available(store);
        return recommender.recommend(profile, insight::neighbours, insight.popularity(), available::contains, k, clock.instant());
    }

    /** The customer's profile, empty if unknown, not consenting or not seen by the stream yet. */
    public Optional<ProfileView> profile(String customer) {
        Instant now = clock.instant();
        return tracked(customer).map(profile -> ProfileView.of(profile, now, model));
    }

    private Optional<CustomerProfile> tracked(String customer) {
        return consent.of(customer).filter(TrackingConsent.Consent::granted).flatMap(known -> insight.profile(known.customerId()));
    }
}
