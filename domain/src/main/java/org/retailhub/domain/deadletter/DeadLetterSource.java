package org.retailhub.domain.deadletter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a dead letter was set aside, as the API names it ({@code channel}, {@code island}, {@code rfid}, {@code settlement}). */
public enum DeadLetterSource {
    /** an order message of a channel topic the intake refused (table {@code hub.channel_dead_letter}) */
    CHANNEL,
    /** a captured change (CDC) or an island file's line the hub could not apply (table {@code hub.cdc_dead_letter}) */
    ISLAND,
    /** an RFID reader message or tag record the reader intake refused (table {@code hub.rfid_dead_letter}) */
    RFID,
    /** a line of a provider's settlement file the hub could not read (UNREADABLE rows of {@code hub.settlement_mismatch}) */
    SETTLEMENT;

    /** The name in URLs and answers, e.g. {@code channel}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source a URL names, if it names one. */
    public static Optional<DeadLetterSource> ofSlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug().equals(slug)).findFirst();
    }
}
