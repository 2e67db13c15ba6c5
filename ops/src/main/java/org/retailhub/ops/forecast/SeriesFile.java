package org.retailhub.ops.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.retailhub.domain.replenishment.forecast.DailyQuantity;
import org.retailhub.domain.replenishment.forecast.DemandSeries;

/**
 * Reads a demand series from a CSV file of {@code date,quantity} lines (ISO dates, any order, an optional
 * {@code date,quantity} header, blank lines ignored). Lines of the same date add up; dates missing between the first
 * and the last are days without sales, as {@link DemandSeries#fromRecords} takes them.
 */
final class SeriesFile {

    private SeriesFile() {
    }

    static DemandSeries read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<DailyQuantity> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (records.isEmpty() && line.equalsIgnoreCase("date,quantity"))) {
                continue;
            }
            records.add(parse(line, i + 1));
        }
        if (records.isEmpty()) {
            throw new BadSeriesException(file + " has no date,quantity lines");
        }
        return DemandSeries.fromRecords(records);
    }

    private static DailyQuantity parse(String line, int number) {
        String[] cells = line.split(",", -1);
        if (cells.length != 2) {
            throw new BadSeriesException("line " + number + ": expected date,quantity, got '" + line + "'");
        }
        try {
            double quantity = Double.parseDouble(cells[1].strip());
            if (!Double.isFinite(quantity)) {
                throw new NumberFormatException("not finite");
            }
            return new DailyQuantity(LocalDate.parse(cells[0].strip()), quantity);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new BadSeriesException("line " + number + ": expected an ISO date (2025-03-01) and a number, got '"
                    + line + "'");
        }
    }

    /** The file is not a series; the message names the line. */
    static final class BadSeriesException extends IllegalArgumentException {
        BadSeriesException(String message) {
            super(message);
        }
    }
}
