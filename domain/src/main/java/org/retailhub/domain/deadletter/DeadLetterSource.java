package org.retailhub.domain.deadletter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a dead letter was set aside, as the API names it ({@code channel}, {@code island}). */
public enum DeadLetterSource {
    /** an order message of a channel topic the intake refused (table {@code hub.channel_dead_letter}) */
    CHANNEL,
    /** a captured change (CDC) or an island file's line the hub could not apply (table {@code hub.cdc_dead_letter}) */
    ISLAND;

    /** The name in URLs and answers, e.g. {@code channel}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source a URL names, if it names one. */
    public static Optional<DeadLetterSource> ofSlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug().equals(slug)).findFirst();
    }
}
