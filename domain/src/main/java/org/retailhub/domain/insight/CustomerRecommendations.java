package org.retailhub.domain.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers the customer-insight API: a customer's profile and recommendations for them, read from the live stream
 * state. A customer the hub does not know, or who has not consented (or withdrew consent), gets what everyone gets:
 * the popular articles in stock. The articles' neighbours and popularity are read from the stream's stores at most
 * once per {@code freshness} (they change by the stream's commits, a second apart); the customer's profile on every
 * request, so that what they just bought is never offered.
 */
public class CustomerRecommendations {

    private static final int MOST_ARTICLES = 50_000;

    private final TrackingConsent consent;
    private final CustomerInsight insight;
    private final StockOnShelf shelf;
    private final InsightModel model;
    private final Recommender recommender;
    private final Clock clock;
    private final RecentAnswers<String, Optional<ItemNeighbours>> neighbours;
    private final RecentAnswers<Boolean, List<ItemPopularity>> popularity;

    public CustomerRecommendations(TrackingConsent consent, CustomerInsight insight, StockOnShelf shelf, InsightModel model, Clock clock,
                                   Duration freshness) {
        this.neighbours = new RecentAnswers<>(freshness, MOST_ARTICLES);
        this.popularity = new RecentAnswers<>(freshness, 1);
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
        return recommender.recommend(profile, sku -> neighbours.get(sku, insight::neighbours), popularity.get(true, all -> insight.popularity()),
                available::contains, k, clock.instant());
    }

    /** The customer's profile, empty if unknown, not consenting or not seen by the stream yet. */
    public Optional<ProfileView> profile(String customer) {
        Instant now = clock.instant();
        return tracked(customer).map(profile -> ProfileView.of(profile, now, model));
    }

    /** The golden id of the customer (golden id or CRM number) if they consented to tracking, else empty. */
    public Optional<String> trackedCustomer(String customer) {
        return consent.recently(customer).filter(TrackingConsent.Consent::granted).map(TrackingConsent.Consent::customerId);
    }

    private Optional<CustomerProfile> tracked(String customer) {
        return trackedCustomer(customer).flatMap(insight::profile);
    }
}
