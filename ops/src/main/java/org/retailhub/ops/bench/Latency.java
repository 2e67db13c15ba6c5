package org.retailhub.ops.bench;

import org.HdrHistogram.Histogram;

/** Percentiles of one latency distribution, in milliseconds, as they go into the results. */
record Latency(long count, double p50, double p95, double p99, double p999, double max) {

    /** Microsecond samples up to an hour, three significant digits. */
    static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    static Latency of(Histogram micros) {
        return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(95)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
    }

    /** Records a sample, clamping negatives (clock granularity) to zero. */
    static void record(Histogram micros, long sample) {
        micros.recordValue(Math.max(0, Math.min(sample, micros.getHighestTrackableValue())));
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
