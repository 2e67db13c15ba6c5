package org.retailhub.domain.insight;

import java.time.Instant;

/** An article a customer showed interest in, and how, as a profile remembers it. */
public record RecentItem(String sku, String category, InteractionKind kind, Instant at) {
}
