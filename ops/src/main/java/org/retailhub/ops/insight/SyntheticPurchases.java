package org.retailhub.ops.insight;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.retailhub.domain.insight.Interaction;
import org.retailhub.domain.insight.InteractionKind;

/**
 * A synthetic behaviour log with preferences the recommender is not told: every customer has two favourite categories
 * (three in four of their purchases), every article a companion it is often bought with, and the catalogue's
 * popularity follows a Zipf law. Each purchase may follow a few views of its category. Seeded, so a run repeats.
 *
 * @param customers    how many customers
 * @param articles     how many articles (in {@code categories} categories of equal size)
 * @param meanPurchases purchases per customer on average (at least two each, so one can be left out)
 */
public record SyntheticPurchases(int customers, int articles, int categories, int meanPurchases, long seed) {

    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(180);
    private static final double FAVOURITE = 0.75;
    private static final double COMPANION = 0.35;

    /** Every customer's interactions, in time order over all customers. */
    public List<Interaction> log() {
        Random random = new Random(seed);
        double[] zipf = zipf(articles / categories);
        List<Interaction> log = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            String customer = "CU" + (100000 + c);
            int[] favourites = {random.nextInt(categories), random.nextInt(categories)};
            int purchases = 2 + poisson(random, meanPurchases - 2);
            long[] times = random.longs(purchases, 0, SPAN.toSeconds()).sorted().toArray();
            int last = -1;
            for (long offset : times) {
                Instant at = START.plusSeconds(offset);
                int article = last >= 0 && random.nextDouble() < COMPANION ? companion(last)
                        : random.nextDouble() < FAVOURITE ? inCategory(favourites[random.nextInt(2)], zipf, random)
                        : inCategory(random.nextInt(categories), zipf, random);
                int views = random.nextInt(3);
                for (int v = 0; v < views; v++) {
                    int looked = inCategory(category(article), zipf, random);
                    log.add(interaction(customer, looked, InteractionKind.VIEW, at.minusSeconds(60L * (views - v))));
                }
                log.add(interaction(customer, article, InteractionKind.PURCHASE, at));
                last = article;
            }
        }
        log.sort(Comparator.comparing(Interaction::occurredAt));
        return log;
    }

    /** The article's category: articles are dealt round-robin, like the sample catalogue's. */
    int category(int article) {
        return article % categories;
    }

    /** The article often bought after this one: the next of its category. */
    int companion(int article) {
        return (article + categories) % articles;
    }

    private int inCategory(int category, double[] zipf, Random random) {
        double u = random.nextDouble();
        int rank = 0;
        while (rank < zipf.length - 1 && u > zipf[rank]) {
            rank++;
        }
        return category + rank * categories;
    }

    private Interaction interaction(String customer, int article, InteractionKind kind, Instant at) {
        return new Interaction(customer, sku(article), "CAT" + category(article), kind, "STORE-001", 1,
                kind == InteractionKind.PURCHASE ? BigDecimal.TEN : BigDecimal.ZERO, at);
    }

    static String sku(int article) {
        return String.format("SKU-%05d", article);
    }

    /** Cumulative Zipf (s = 1) over {@code n} ranks. */
    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1.0 / k;
            cumulative[k - 1] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
        return cumulative;
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
