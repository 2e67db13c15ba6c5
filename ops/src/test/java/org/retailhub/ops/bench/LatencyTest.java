package org.retailhub.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void percentilesAreReportedInMillisecondsFromMicrosecondSamples() {
        Histogram h = Latency.histogram();
        for (int i = 1; i <= 100; i++) {
            Latency.record(h, i * 1_000L);
        }

        Latency l = Latency.of(h);

        assertThat(l.count()).isEqualTo(100);
        assertThat(l.p50()).isCloseTo(50.0, within(0.1));
        assertThat(l.p99()).isCloseTo(99.0, within(0.1));
        assertThat(l.max()).isCloseTo(100.0, within(0.1));
    }

    @Test
    void aSampleBeforeItsStartCountsAsZeroInsteadOfBreakingTheRun() {
        Histogram h = Latency.histogram();
        Latency.record(h, -5);

        assertThat(Latency.of(h).max()).isZero();
    }
}
