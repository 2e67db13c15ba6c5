package org.retailhub.domain.insight;

import java.time.Duration;
import java.time.Instant;

/**
 * A score that halves every half-life: old interest fades, so what a customer or the crowd does now counts more than
 * what they did months ago. Kept as the value at one instant; read at any later instant.
 *
 * @param value the score at {@code asOf}
 */
public record DecayingScore(double value, Instant asOf) {

    /** The score at {@code at} (never grows when read later; an earlier instant reads the stored value). */
    public double at(Instant at, Duration halfLife) {
        if (!at.isAfter(asOf)) {
            return value;
        }
        return value * Math.pow(0.5, (double) Duration.between(asOf, at).toMillis() / halfLife.toMillis());
    }

    /** This score plus {@code weight} added at {@code at}; an addition from the past is decayed to this score's instant. */
    public DecayingScore plus(double weight, Instant at, Duration halfLife) {
        if (at.isBefore(asOf)) {
            return new DecayingScore(value + new DecayingScore(weight, at).at(asOf, halfLife), asOf);
        }
        return new DecayingScore(at(at, halfLife) + weight, at);
    }

    /** A score that started with {@code weight} at {@code at}. */
    public static DecayingScore of(double weight, Instant at) {
        return new DecayingScore(weight, at);
    }
}
