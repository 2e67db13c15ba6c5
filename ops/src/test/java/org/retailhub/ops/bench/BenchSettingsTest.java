package org.retailhub.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void defaultsRunEveryScenarioWithTheIssuesTargets() {
        BenchSettings s = BenchSettings.parse();

        assertThat(s.scenarios()).containsExactly("ceiling", "sustained", "burst", "contention");
        assertThat(s.burst()).isEqualTo(5000);
        assertThat(s.step()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(s.p99Target()).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void severalHubInstancesAreGivenAsACommaSeparatedList() {
        assertThat(BenchSettings.parse().hubUrls()).containsExactly("http://localhost:8080");
        assertThat(BenchSettings.parse("--hub=http://localhost:18080,http://localhost:18090").hubUrls())
                .containsExactly("http://localhost:18080", "http://localhost:18090");
    }

    @Test
    void aRunStartsColdUnlessToldToWaitForTheJitWhichNeedsTheActuator() {
        assertThat(BenchSettings.parse().start()).isEqualTo("cold");
        assertThat(BenchSettings.parse("--start=jit-quiet", "--metrics-auth=Basic x").jitQuiet()).isEqualTo(0.1);
        assertThatThrownBy(() -> BenchSettings.parse("--start=jit-quiet")).hasMessageContaining("give --metrics-auth");
    }

    @Test
    void ratesAreClimbedFromTheLowest() {
        assertThat(BenchSettings.parse("--rates=300, 100,200").rates()).containsExactly(100, 200, 300);
    }

    @Test
    void aMisspeltArgumentIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> BenchSettings.parse("--rate=100")).hasMessageContaining("unknown arguments: [rate]");
        assertThatThrownBy(() -> BenchSettings.parse("rates=100")).hasMessageContaining("--name=value");
        assertThatThrownBy(() -> BenchSettings.parse("--rest-share=1.5")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> BenchSettings.parse("--start=warm")).hasMessageContaining("--start is cold or jit-quiet");
    }

    @Test
    void theProcessesToMeasureAreOptional() {
        assertThat(BenchSettings.parse().hubPids()).isEmpty();
        assertThat(BenchSettings.parse().postgresDataDir()).isEmpty();
        BenchSettings s = BenchSettings.parse("--hub-pids=12, 34", "--pg-data-dir=/tmp/pg");
        assertThat(s.hubPids()).containsExactly(12L, 34L);
        assertThat(s.postgresDataDir()).contains(java.nio.file.Path.of("/tmp/pg"));
    }
}
