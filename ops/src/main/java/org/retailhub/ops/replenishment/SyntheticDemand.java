package org.retailhub.ops.replenishment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.retailhub.domain.replenishment.SupplyTerms;
import org.retailhub.domain.shared.Money;

/**
 * Daily demand of articles × stores, made up but shaped like a retailer's: a weekly profile and a yearly season per
 * category, a trend per article, promotions (a week at two to three times the usual demand, in every store),
 * over-dispersed noise (Poisson with a gamma-distributed mean), and intermittent articles that sell on a few days
 * only. Every figure follows from the seed, so two runs see the same demand.
 */
final class SyntheticDemand {

    static final List<String> CATEGORIES = List.of("ELECTRONICS", "APPAREL", "GROCERY", "HOME", "TOYS");
    /** Share of each weekday (Monday first) in a week's demand, per category, before normalising. */
    private static final double[][] WEEK_PROFILE = {
        {0.8, 0.8, 0.9, 0.9, 1.1, 1.7, 0.6},
        {0.7, 0.8, 0.8, 0.9, 1.2, 1.8, 0.5},
        {0.9, 0.9, 0.95, 1.0, 1.3, 1.5, 0.4},
        {0.8, 0.8, 0.9, 0.9, 1.0, 1.9, 0.9},
        {0.7, 0.7, 0.8, 0.8, 1.0, 1.9, 1.1}};
    /** Yearly amplitude and the day of the year of the peak, per category. */
    private static final double[] YEAR_AMPLITUDE = {0.25, 0.3, 0.08, 0.2, 0.45};
    private static final int[] YEAR_PEAK = {340, 120, 200, 100, 350};
    private static final double[] STORE_SIZE = {1.0, 0.7, 1.3, 0.5, 0.9};
    private static final int[] PACKS = {1, 6, 12, 4, 6};
    private static final double OVERDISPERSION = 8;  // gamma shape: variance = mean + mean² / 8

    record Article(int index, String sku, String category, boolean intermittent, SupplyTerms terms) {
    }

    record Series(Article article, String storeId, double[] demand) {
        int days() {
            return demand.length;
        }
    }

    private final LocalDate firstDay;
    private final int days;
    private final List<Article> articles = new ArrayList<>();
    private final List<Series> series = new ArrayList<>();
    private final java.util.Map<Integer, Set<LocalDate>> promotionDays = new java.util.HashMap<>();

    SyntheticDemand(long seed, int articleCount, int storeCount, LocalDate firstDay, int days) {
        this.firstDay = firstDay;
        this.days = days;
        Random random = new Random(seed);
        List<Integer> intermittent = new ArrayList<>();
        for (int i = 0; i < articleCount; i++) {
            intermittent.add(i);
        }
        java.util.Collections.shuffle(intermittent, random);
        Set<Integer> sparse = Set.copyOf(intermittent.subList(0, articleCount / 5));
        for (int i = 0; i < articleCount; i++) {
            articles.add(article(i, sparse.contains(i), random));
        }
        for (Article article : articles) {
            double base = Math.exp(Math.log(6) + 0.8 * random.nextGaussian());
            double trend = -0.2 + 0.6 * random.nextDouble();
            double[] promotion = promotions(random);
            Set<LocalDate> promoted = new java.util.HashSet<>();
            for (int t = 0; t < days; t++) {
                if (promotion[t] > 1) {
                    promoted.add(firstDay.plusDays(t));
                }
            }
            promotionDays.put(article.index(), Set.copyOf(promoted));
            double sparseChance = 0.04 + 0.2 * random.nextDouble();
            for (int s = 0; s < storeCount; s++) {
                double[] demand = new double[days];
                for (int t = 0; t < days; t++) {
                    if (article.intermittent()) {
                        demand[t] = random.nextDouble() < sparseChance * STORE_SIZE[s % STORE_SIZE.length]
                                ? 1 + poisson(random, 1.2) : 0;
                    } else {
                        double mean = base * STORE_SIZE[s % STORE_SIZE.length] * weekday(article, t) * season(article, t)
                                * (1 + trend * t / 365.0) * promotion[t];
                        demand[t] = poisson(random, gamma(random, OVERDISPERSION, mean / OVERDISPERSION));
                    }
                }
                series.add(new Series(article, String.format("STORE-%03d", s + 1), demand));
            }
        }
    }

    private Article article(int i, boolean intermittent, Random random) {
        String category = CATEGORIES.get(i % CATEGORIES.size());
        int supplier = i % 8;
        double lead = 2 + supplier % 5 + (supplier % 2) * 0.5;
        double spread = 0.5 + 0.25 * (supplier % 4);
        Set<DayOfWeek> orderDays = supplier % 3 == 0 ? EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)
                : supplier % 3 == 1 ? EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY) : EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        int pack = intermittent ? 1 : PACKS[i % PACKS.length];
        int minimum = supplier % 4 == 3 ? 2 * pack : 0;
        Money cost = Money.of(String.format(java.util.Locale.ROOT, "%.2f", 2 + 60 * random.nextDouble()), "EUR");
        return new Article(i, String.format("SKU-%04d", i + 1), category, intermittent,
                new SupplyTerms(String.format("SKU-%04d", i + 1), "SUP-" + (101 + supplier), lead, spread, pack, minimum, orderDays, cost));
    }

    /** Four promotion weeks a year at random, each lifting demand by a factor of 1.8 to 3: the factor per day. */
    private double[] promotions(Random random) {
        double[] factor = new double[days];
        java.util.Arrays.fill(factor, 1);
        for (int p = 0; p < 4 * Math.max(1, days / 365); p++) {
            int start = random.nextInt(Math.max(1, days - 7));
            double uplift = 1.8 + 1.2 * random.nextDouble();
            for (int t = start; t < start + 7 && t < days; t++) {
                factor[t] = uplift;
            }
        }
        return factor;
    }

    private double weekday(Article article, int t) {
        double[] profile = WEEK_PROFILE[CATEGORIES.indexOf(article.category())];
        double sum = 0;
        for (double share : profile) {
            sum += share;
        }
        return profile[firstDay.plusDays(t).getDayOfWeek().getValue() - 1] * 7 / sum;
    }

    private double season(Article article, int t) {
        int c = CATEGORIES.indexOf(article.category());
        return 1 + YEAR_AMPLITUDE[c] * Math.cos(2 * Math.PI * (firstDay.plusDays(t).getDayOfYear() - YEAR_PEAK[c]) / 365.25);
    }

    static int poisson(Random random, double mean) {
        if (mean > 40) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Marsaglia and Tsang's gamma variate, shape ≥ 1. */
    static double gamma(Random random, double shape, double scale) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v * scale;
            }
        }
    }

    /** The actual lead time of an order placed on day {@code t} for one series: the same for every practice. */
    static int actualLeadTime(Series series, int t) {
        Random draw = new Random(31L * series.article().index() + 1_000_003L * series.storeId().hashCode() + 7919L * t);
        SupplyTerms terms = series.article().terms();
        return (int) Math.max(1, Math.round(terms.leadTimeDays() + terms.leadTimeSpreadDays() * draw.nextGaussian()));
    }

    /** The promotion calendar of an article (every store): the days it is on promotion, past and planned. */
    Set<LocalDate> promotionDays(Article article) {
        return promotionDays.get(article.index());
    }

    LocalDate day(int t) {
        return firstDay.plusDays(t);
    }

    List<Article> articles() {
        return articles;
    }

    List<Series> series() {
        return series;
    }
}
