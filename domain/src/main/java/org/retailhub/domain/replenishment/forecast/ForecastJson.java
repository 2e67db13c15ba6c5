package org.retailhub.domain.replenishment.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A forecast as JSON, the one shape both the command ({@code ops/scripts/forecast.sh}) and the API
 * ({@code GET /api/forecasts/{store}/{sku}}) answer: the series, the chosen model, its parameters, the backtest with
 * every candidate's error, the notes and the forecast days ({@code docs/replenishment.md}).
 */
public final class ForecastJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ForecastJson() {
    }

    /**
     * @param source where the series came from, first in its {@code series} object ({@code file}, or {@code store} and {@code sku})
     */
    public static ObjectNode of(Map<String, String> source, DemandSeries series, DemandForecast forecast) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode about = root.putObject("series");
        source.forEach(about::put);
        about.put("firstDay", series.firstDay().toString()).put("lastDay", series.lastDay().toString()).put("days", series.days())
                .put("unrecordedDays", series.unrecordedDays());
        root.put("model", forecast.model().name());
        ObjectNode parameters = root.putObject("parameters");
        forecast.parameters().forEach(parameters::put);
        forecast.backtest().ifPresentOrElse(b -> root.set("backtest", backtest(b, forecast)), () -> root.putNull("backtest"));
        ArrayNode notes = root.putArray("notes");
        forecast.notes().forEach(n -> notes.addObject().put("reason", n.reason().name()).put("days", n.days()).put("detail", n.detail()));
        ArrayNode days = root.putArray("forecast");
        forecast.days().forEach(d -> days.addObject().put("date", d.day().toString()).put("quantity", d.quantity()));
        return root;
    }

    private static ObjectNode backtest(Backtest backtest, DemandForecast forecast) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode origins = node.putArray("origins");
        backtest.origins().forEach(o -> origins.add(o.toString()));
        node.put("horizon", backtest.horizon()).put("measure", backtest.measure()).put("scale", backtest.scale());
        forecast.error().ifPresent(e -> node.put("chosenError", e));
        ObjectNode errors = node.putObject("errors");
        backtest.errors().forEach((kind, error) -> errors.put(kind.name(), error));
        return node;
    }
}
