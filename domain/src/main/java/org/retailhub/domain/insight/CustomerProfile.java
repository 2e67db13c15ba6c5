package org.retailhub.domain.insight;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the hub knows of one consenting customer's behaviour: the RFM figures (recency of the last purchase, frequency,
 * monetary value), interest per category (decaying), the articles they looked at lately and bought lately, and the
 * store they shop at. Keyed by the golden customer id only; it holds no personal data.
 *
 * @param purchases purchase interactions (one per bought article) so far
 * @param spend     what those purchases were worth
 * @param recent    latest first, one entry per article, at most {@link InsightModel#recentItems()}
 * @param bought    latest first, at most {@link InsightModel#recentItems()}
 */
public record CustomerProfile(String customerId, String storeId, Instant firstSeen, Instant lastSeen, Instant lastPurchase,
                              int purchases, BigDecimal spend, Map<String, DecayingScore> categories,
                              List<RecentItem> recent, List<RecentItem> bought) {

    public CustomerProfile {
        categories = Map.copyOf(categories);
        recent = List.copyOf(recent);
        bought = List.copyOf(bought);
    }

    /** A customer the hub has seen nothing of yet. */
    public static CustomerProfile first(String customerId) {
        return new CustomerProfile(customerId, null, null, null, null, 0, BigDecimal.ZERO, Map.of(), List.of(), List.of());
    }

    /** This profile after the interaction. */
    public CustomerProfile with(Interaction event, InsightModel model) {
        Instant at = event.occurredAt();
        RecentItem item = new RecentItem(event.sku(), event.category(), event.kind(), at);
        boolean purchase = event.kind() == InteractionKind.PURCHASE;
        Map<String, DecayingScore> interest = new HashMap<>(categories);
        if (event.kind().interest() > 0) {
            interest.merge(event.category(), DecayingScore.of(event.kind().interest(), at),
                    (old, added) -> old.plus(added.value(), at, model.halfLife()));
        }
        List<RecentItem> latest = new ArrayList<>(recent);
        latest.removeIf(seen -> seen.sku().equals(event.sku()));
        if (event.kind().interest() > 0) {
            latest.add(0, item);
        }
        List<RecentItem> latestBought = new ArrayList<>(bought);
        if (purchase) {
            latestBought.add(0, item);
        }
        return new CustomerProfile(customerId, event.storeId() == null ? storeId : event.storeId(),
                earlier(firstSeen, at), later(lastSeen, at), purchase ? later(lastPurchase, at) : lastPurchase,
                purchases + (purchase ? 1 : 0), purchase && event.value() != null ? spend.add(event.value()) : spend,
                interest, cut(latest, model.recentItems()), cut(latestBought, model.recentItems()));
    }

    /**
     * The evidence this interaction adds, read against the profile before it: the article's own popularity, and a
     * co-occurrence in both directions with every article the customer showed interest in within the pair window.
     */
    public List<CoOccurrence> evidence(Interaction event, InsightModel model) {
        double interest = event.kind().interest();
        if (interest <= 0) {
            return List.of();
        }
        List<CoOccurrence> evidence = new ArrayList<>();
        evidence.add(new CoOccurrence(event.sku(), event.category(), event.sku(), interest, event.occurredAt()));
        for (RecentItem seen : recent) {
            boolean near = !seen.at().isBefore(event.occurredAt().minus(model.pairWindow()));
            if (near && !seen.sku().equals(event.sku())) {
                double weight = Math.sqrt(interest * seen.kind().interest());
                evidence.add(new CoOccurrence(event.sku(), event.category(), seen.sku(), weight, event.occurredAt()));
                evidence.add(new CoOccurrence(seen.sku(), seen.category(), event.sku(), weight, event.occurredAt()));
            }
        }
        return evidence;
    }

    private static <T> List<T> cut(List<T> items, int most) {
        return items.size() <= most ? items : items.subList(0, most);
    }

    private static Instant earlier(Instant known, Instant at) {
        return known == null || at.isBefore(known) ? at : known;
    }

    private static Instant later(Instant known, Instant at) {
        return known == null || at.isAfter(known) ? at : known;
    }
}
