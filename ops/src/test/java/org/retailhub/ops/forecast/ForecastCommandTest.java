package org.retailhub.ops.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {

    private static final double[] WEEK = {3, 0, 4, 5, 6, 9, 2};

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ForecastCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Six weeks from Monday 2025-03-03 of the same pattern; the till sold nothing on Tuesdays, so they have no line. */
    private Path sixSameWeeks() throws IOException {
        List<String> lines = new ArrayList<>(List.of("date,quantity"));
        for (int t = 0; t < 42; t++) {
            if (WEEK[t % 7] > 0) {
                lines.add(LocalDate.of(2025, 3, 3).plusDays(t) + "," + (int) WEEK[t % 7]);
            }
        }
        return Files.write(folder.resolve("series.csv"), lines);
    }

    @Test
    void printsTheChosenModelItsBacktestTheNotesAndTheNextDays() throws IOException {
        int exit = run(sixSameWeeks().toString(), "--horizon", "10");

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.at("/series/days").asInt()).isEqualTo(42);
        assertThat(json.at("/series/unrecordedDays").asInt()).isEqualTo(6);
        // every week is the same: last week repeated is exact, and the baseline wins the tie with Holt-Winters
        assertThat(json.at("/model").asText()).isEqualTo("SEASONAL_NAIVE");
        assertThat(json.at("/parameters/s6").asDouble()).isEqualTo(9);
        // the last origin leaves 10 days (day 32, 2025-04-04), then a week back while two weeks stay before it
        assertThat(json.at("/backtest/origins").toString()).isEqualTo("[\"2025-03-21\",\"2025-03-28\",\"2025-04-04\"]");
        assertThat(json.at("/backtest/horizon").asInt()).isEqualTo(10);
        // seasonal differences are all zero, so the errors are divided by the mean daily demand, 29 / 7
        assertThat(json.at("/backtest/measure").asText()).isEqualTo("MAE/mean");
        assertThat(json.at("/backtest/scale").asDouble()).isCloseTo(29.0 / 7, within(1e-12));
        assertThat(json.at("/backtest/chosenError").asDouble()).isZero();
        assertThat(json.at("/backtest/errors").size()).isEqualTo(4);
        assertThat(json.at("/notes").findValuesAsText("reason"))
                .containsExactly("UNRECORDED_DAYS_AS_ZERO", "MULTIPLICATIVE_NEEDS_POSITIVE_DATA", "FEWER_BACKTEST_ORIGINS");
        JsonNode days = json.at("/forecast");
        assertThat(days).hasSize(10);
        assertThat(days.get(0).get("date").asText()).isEqualTo("2025-04-14");
        assertThat(days.findValuesAsText("quantity")).containsExactly("3.0", "0.0", "4.0", "5.0", "6.0", "9.0", "2.0",
                "3.0", "0.0", "4.0");
    }

    @Test
    void aLineThatIsNoDateAndQuantityIsNamedAndNothingIsPrinted() throws IOException {
        Path file = Files.write(folder.resolve("bad.csv"), List.of("date,quantity", "2025-03-03,4", "2025-03-04;5"));

        assertThat(run(file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3").contains("2025-03-04;5");
        assertThat(out.size()).isZero();
    }

    @Test
    void missingFilesAndUnknownOptionsAreRefused() throws IOException {
        assertThat(run(folder.resolve("none.csv").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
        assertThat(run(sixSameWeeks().toString(), "--horizon=0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("horizon must be 1 to 366");
        assertThat(run(sixSameWeeks().toString(), "--colour", "red")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown options: [colour]");
        assertThat(out.size()).isZero();
    }
}
