package org.retailhub.domain.insight;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.retailhub.domain.catalogue.Article;
import org.retailhub.domain.catalogue.Catalogue;
import org.retailhub.domain.shared.RefusedInputException;

/**
 * The edge of customer insight: a valid behaviour event is joined to the customer's golden id, dropped unless the
 * customer consented to tracking, completed from the catalogue (category, price) and handed to the behaviour stream.
 * An event naming an article the hub does not sell, or dated in the future, is refused ({@link RefusedInputException}).
 */
public class BehaviourIntake {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final TrackingConsent consent;
    private final Catalogue catalogue;
    private final BehaviourStream stream;
    private final Clock clock;

    public BehaviourIntake(TrackingConsent consent, Catalogue catalogue, BehaviourStream stream, Clock clock) {
        this.consent = consent;
        this.catalogue = catalogue;
        this.stream = stream;
        this.clock = clock;
    }

    /** Tracks the event if the customer consented; the outcome says whether it was. */
    public BehaviourOutcome accept(BehaviourReport report) {
        return accept(report, null);
    }

    /** As {@link #accept(BehaviourReport)}, for a purchase from the hub's order line {@code orderLine} ({@link Interaction#orderLine()}). */
    public BehaviourOutcome accept(BehaviourReport report, String orderLine) {
        Instant now = clock.instant();
        if (report.occurredAt() != null && report.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new RefusedInputException("behaviour event dated in the future: " + report.occurredAt());
        }
        Optional<TrackingConsent.Consent> customer = consent.of(report.customer());
        if (customer.isEmpty()) {
            return BehaviourOutcome.UNKNOWN_CUSTOMER;
        }
        if (!customer.get().granted()) {
            return BehaviourOutcome.NO_CONSENT;
        }
        Article article = catalogue.articles(List.of(report.sku())).get(report.sku());
        if (article == null) {
            throw new RefusedInputException("behaviour event names an article the hub does not know: " + report.sku());
        }
        BigDecimal value = report.kind() == InteractionKind.PURCHASE
                ? article.listPrice().amount().multiply(BigDecimal.valueOf(report.quantity())) : BigDecimal.ZERO;
        stream.publish(new Interaction(customer.get().customerId(), article.sku(), article.category(), report.kind(),
                report.storeId(), report.quantity(), value, report.occurredAt() == null ? now : report.occurredAt(), orderLine));
        return BehaviourOutcome.ACCEPTED;
    }
}
