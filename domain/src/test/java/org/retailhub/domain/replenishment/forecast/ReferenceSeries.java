package org.retailhub.domain.replenishment.forecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** The input CSVs of the reference scripts in {@code ops/forecast/reference/}, read the way the scripts read them. */
final class ReferenceSeries {

    private static final Path FOLDER = Path.of("..", "ops", "forecast", "reference");

    private ReferenceSeries() {
    }

    static DemandSeries read(String file) {
        try {
            List<DailyQuantity> rows = Files.readAllLines(FOLDER.resolve(file)).stream().skip(1)
                    .map(line -> line.split(","))
                    .map(cells -> new DailyQuantity(LocalDate.parse(cells[0]), Double.parseDouble(cells[1])))
                    .toList();
            return DemandSeries.fromRecords(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] quantities(String file) {
        return read(file).quantities();
    }
}
