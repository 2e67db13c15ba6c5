package org.retailhub.domain.replenishment.forecast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The forecast of one demand series and how it came about.
 *
 * @param model      the chosen model
 * @param parameters its parameters fitted to the whole (cleansed) history, by name
 * @param backtest   the backtest that chose it; empty where the history was too short for one (see notes)
 * @param notes      cleansing steps and fallbacks, in the order they happened
 * @param days       expected demand for each day after the history, never negative
 */
public record DemandForecast(ModelKind model, Map<String, Double> parameters, Optional<Backtest> backtest,
                             List<ForecastNote> notes, List<DailyQuantity> days) {

    public DemandForecast {
        Objects.requireNonNull(model, "model");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(backtest, "backtest");
        notes = List.copyOf(notes);
        days = List.copyOf(days);
    }

    /** The chosen model's backtest error, if there was a backtest. */
    public Optional<Double> error() {
        return backtest.map(b -> b.errors().get(model));
    }

    public boolean noted(ForecastNote.Reason reason) {
        return notes.stream().anyMatch(n -> n.reason() == reason);
    }
}
