package org.retailhub.domain.insight;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer's profile as the API shows it: RFM figures and preferred categories (share of the customer's current,
 * decayed interest). Golden id only, no personal data.
 *
 * @param recencyDays days since the last purchase, null if none yet
 * @param frequency   purchased articles so far
 * @param monetary    what they were worth (list prices)
 */
public record ProfileView(String customerId, String storeId, Long recencyDays, int frequency, BigDecimal monetary,
                          Instant firstSeen, Instant lastSeen, List<CategoryShare> preferredCategories, List<String> recentlyBought) {

    /** One category and its share of the customer's interest (0..1). */
    public record CategoryShare(String category, double share) {
    }

    /** The view of a profile at {@code now}; at most three preferred categories. */
    public static ProfileView of(CustomerProfile profile, Instant now, InsightModel model) {
        Map<String, Double> interest = profile.categories().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().at(now, model.halfLife())));
        double total = interest.values().stream().mapToDouble(Double::doubleValue).sum();
        List<CategoryShare> preferred = interest.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(e -> new CategoryShare(e.getKey(), total > 0 ? Math.round(e.getValue() / total * 1000) / 1000.0 : 0))
                .toList();
        Long recency = profile.lastPurchase() == null ? null : Duration.between(profile.lastPurchase(), now).toDays();
        return new ProfileView(profile.customerId(), profile.storeId(), recency, profile.purchases(), profile.spend(),
                profile.firstSeen(), profile.lastSeen(), preferred, profile.bought().stream().map(RecentItem::sku).distinct().toList());
    }
}
