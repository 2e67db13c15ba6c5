package org.retailhub.domain.insight;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Answers of the query path kept for a short while, so that a burst of recommendation requests does not ask the
 * database or the state stores the same question again and again (consent, stock at a store, an article's neighbours).
 * Bounded: when more than {@code most} keys are held, all are dropped and asked again. A {@code freshness} of zero
 * keeps nothing.
 */
final class RecentAnswers<K, V> {

    private record Answer<V>(V value, long until) {
    }

    private final Map<K, Answer<V>> answers = new ConcurrentHashMap<>();
    private final long freshnessNanos;
    private final int most;
    private final LongSupplier nanoTime;

    RecentAnswers(Duration freshness, int most) {
        this(freshness, most, System::nanoTime);
    }

    RecentAnswers(Duration freshness, int most, LongSupplier nanoTime) {
        this.freshnessNanos = freshness.toNanos();
        this.most = most;
        this.nanoTime = nanoTime;
    }

    /** The answer given less than the freshness ago, else a new one from {@code ask} (not kept if it throws). */
    V get(K key, Function<K, V> ask) {
        if (freshnessNanos <= 0) {
            return ask.apply(key);
        }
        long now = nanoTime.getAsLong();
        Answer<V> known = answers.get(key);
        if (known != null && now - known.until() < 0) {
            return known.value();
        }
        V value = ask.apply(key);
        if (answers.size() >= most) {
            answers.clear();
        }
        answers.put(key, new Answer<>(value, now + freshnessNanos));
        return value;
    }

    /** Forgets every answer (the facts behind them changed). */
    void forget() {
        answers.clear();
    }
}
