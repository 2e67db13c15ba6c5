package org.retailhub.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

    @TempDir
    Path out;

    @Test
    void aRunIsWrittenAsJsonMarkdownAndAPlot() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Latency fast = new Latency(1000, 20, 40, 80, 90, 120);
        Latency slow = new Latency(1000, 200, 900, 2400, 2600, 3100);
        var cheap = new CostMeter.PerOrder(6000, 60, 30.5, 9.5, 40.0, 35.0, 4.2, 38.0, Map.of("hub.outbox", 2.0), 12.0);
        var dear = new CostMeter.PerOrder(12000, 70, 120.0, 40.0, 160.0, 150.0, 9.0, 90.0, Map.of("public.act_ru_job", 12.0), 12.0);
        var steps = List.of(
                new Scenarios.Step(100, 6000, 6000, 0, 100.0, fast, fast, fast, 0, 0, List.of(), 1.0, true, cheap,
                        new Scenarios.Jvm(0.41, 0.02, 3, 40)),
                new Scenarios.Step(200, 12000, 12000, 0, 180.0, slow, slow, slow, 0, 37, List.of(), 9.0, false, dear,
                        new Scenarios.Jvm(1.55, 0.31, 12, 480)));
        var report = new OrderBenchmark.Report("2026-11-25T12:00:00Z", "B1", Map.of("cores", 2), Map.of("hubSettings", "test"),
                new Scenarios.Start("jit-quiet", 120, 100, 12000, 0.08, true), new CommitCeiling.Result(6000, 16, 9000), steps, 100, null, null, Map.of("ratio", 0.01));

        new ResultFiles(out, "20261125T120000Z").write(report, BenchSettings.parse("--out=" + out));

        JsonNode json = new ObjectMapper().readTree(out.resolve("20261125T120000Z.json").toFile());
        assertThat(json.path("highestRateHoldingTarget").asInt()).isEqualTo(100);
        assertThat(json.path("sustained").get(1).path("acceptedToConfirmed").path("p99").asDouble()).isEqualTo(2400);
        assertThat(json.path("sustained").get(1).path("acceptedToPaid").path("p50").asDouble()).isEqualTo(200);
        assertThat(json.path("sustained").get(0).path("cost").path("cpuMs").asDouble()).isEqualTo(40.0);
        assertThat(json.path("sustained").get(1).path("cost").path("rowWritesByTable").path("public.act_ru_job").asDouble())
                .isEqualTo(12.0);
        assertThat(Files.readString(out.resolve("20261125T120000Z.md")))
                .contains("| 100 | 100.0 | 20.0 | 40.0 | 80.0 | 120.0 |")
                .contains("| 0 | 37 | no | 160.0 (120.0 + 40.0) | 150.0 | 9.0 | 90.0 |")
                .contains("| 40.0 (30.5 + 9.5) | 35.0 | 4.2 | 38.0 |")
                .contains("Highest rate holding the target: 100 orders/s")
                .contains("**Start: warmed until the JIT was quiet.** 12000 orders at 100/s for 120 s, not counted")
                .contains("| 200 | 1.55 | 0.31 | 12 | 480 |");
        assertThat(json.path("start").path("mode").asText()).isEqualTo("jit-quiet");
        assertThat(json.path("sustained").get(1).path("hubJvm").path("compilerBusy").asDouble()).isEqualTo(0.31);
        byte[] png = Files.readAllBytes(out.resolve("20261125T120000Z.png"));
        assertThat(png).hasSizeGreaterThan(10_000);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        if (System.getenv("BENCH_KEEP_PLOT") != null) {
            Files.copy(out.resolve("20261125T120000Z.png"), Path.of(System.getenv("BENCH_KEEP_PLOT")));
        }
    }

    @Test
    void aColdStartAndAWarmUpThatRanOutAreSaidAsSuch() {
        assertThat(ResultFiles.startLine(new Scenarios.Start("cold", 0, 0, 0, null, null))).startsWith("**Start: cold.**");
        assertThat(ResultFiles.startLine(new Scenarios.Start("jit-quiet", 240, 10, 2400, 1.04, false)))
                .startsWith("**Start: warmed, but the JIT never went quiet.** 2400 orders at 10/s for 240 s");
    }
}
