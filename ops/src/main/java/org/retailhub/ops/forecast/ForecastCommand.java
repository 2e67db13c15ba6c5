package org.retailhub.ops.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.retailhub.domain.replenishment.forecast.DemandForecast;
import org.retailhub.domain.replenishment.forecast.DemandForecaster;
import org.retailhub.domain.replenishment.forecast.DemandSeries;
import org.retailhub.domain.replenishment.forecast.ForecastJson;
import org.retailhub.domain.replenishment.forecast.ForecastSettings;

/**
 * Forecasts one demand series from a CSV file and prints, as JSON, the chosen model, its fitted parameters, the
 * backtest errors of every candidate, the notes and the next days: the hub's numbers, for anyone to check against
 * another implementation ({@code docs/replenishment.md}).
 *
 * <pre>ops/scripts/forecast.sh series.csv [--horizon 14] [--origins 4] [--spacing 7] [--outlier-cutoff 5]</pre>
 *
 * Exit codes: 0 forecast printed, 2 bad arguments or a file that is not a series (the reason on standard error).
 */
public final class ForecastCommand {

    static final String USAGE = "usage: forecast.sh SERIES.csv [--horizon DAYS] [--origins N] [--spacing DAYS]"
            + " [--outlier-cutoff SD]   (CSV lines: date,quantity)";

    private ForecastCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            List<String> files = new ArrayList<>();
            ForecastSettings settings = settings(args, files);
            if (files.size() != 1) {
                throw new IllegalArgumentException("give exactly one series file, got " + files.size());
            }
            Path file = Path.of(files.get(0));
            DemandSeries series = SeriesFile.read(file);
            DemandForecast forecast = new DemandForecaster(settings).forecast(series);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(ForecastJson.of(Map.of("file", file.toString()), series, forecast)));
            return 0;
        } catch (NoSuchFileException e) {
            err.println("no such file: " + e.getFile());
        } catch (IOException e) {
            err.println("cannot read the series: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
        }
        return 2;
    }

    /** Options as {@code --name value} or {@code --name=value}; everything else is a file. */
    private static ForecastSettings settings(String[] args, List<String> files) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--")) {
                files.add(arg);
            } else if (equals > 0) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        ForecastSettings defaults = ForecastSettings.DEFAULT;
        ForecastSettings settings = new ForecastSettings(
                (int) take(options, "horizon", defaults.horizon(), true),
                (int) take(options, "origins", defaults.backtestOrigins(), true),
                (int) take(options, "spacing", defaults.originSpacing(), true),
                take(options, "outlier-cutoff", defaults.outlierCutoff(), false));
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown options: " + options.keySet());
        }
        return settings;
    }

    private static double take(Map<String, String> options, String name, double fallback, boolean whole) {
        String value = options.remove(name);
        try {
            return value == null ? fallback : whole ? Integer.parseInt(value) : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a " + (whole ? "whole " : "") + "number, got '"
                    + value + "'");
        }
    }
}
