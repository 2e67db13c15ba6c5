package org.retailhub.routes.replenishment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.retailhub.domain.catalogue.Catalogue;
import org.retailhub.domain.replenishment.ForecastLookup;
import org.retailhub.domain.replenishment.forecast.ForecastJson;
import org.retailhub.domain.replenishment.forecast.ForecastSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/forecasts/{store}/{sku}[?horizon=14&origins=4&spacing=7&outlierCutoff=5]}: the forecast of an
 * article's daily sales in a store up to yesterday, in the same JSON as {@code ops/scripts/forecast.sh} (its
 * {@code series} names the store and the SKU instead of a file). {@code 404} problem for an unknown store or article,
 * or one without sales in the history the hub looks at; {@code 400} for settings out of range.
 */
@RestController
@RequestMapping("/api/forecasts")
public class ForecastController {

    private final ForecastLookup forecasts;
    private final Catalogue catalogue;

    public ForecastController(ForecastLookup forecasts, Catalogue catalogue) {
        this.forecasts = forecasts;
        this.catalogue = catalogue;
    }

    @GetMapping("/{store}/{sku}")
    ObjectNode forecast(@PathVariable String store, @PathVariable String sku,
                        @RequestParam(defaultValue = "14") int horizon, @RequestParam(defaultValue = "4") int origins,
                        @RequestParam(defaultValue = "7") int spacing, @RequestParam(defaultValue = "5") double outlierCutoff) {
        ForecastSettings settings;
        try {
            settings = new ForecastSettings(horizon, origins, spacing, outlierCutoff);
        } catch (IllegalArgumentException invalid) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-forecast-settings", "Invalid forecast settings", invalid.getMessage());
        }
        if (!store.matches("[A-Z0-9-]{1,20}") || !catalogue.storeExists(store)) {
            throw problem(HttpStatus.NOT_FOUND, "unknown-store", "Unknown store", "no store '" + abbreviated(store) + "'");
        }
        if (!sku.matches("[A-Z0-9-]{1,32}") || catalogue.articles(java.util.List.of(sku)).isEmpty()) {
            throw problem(HttpStatus.NOT_FOUND, "unknown-article", "Unknown article", "no article '" + abbreviated(sku) + "'");
        }
        ForecastLookup.Found found = forecasts.forecast(store, sku, settings).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "no-sales-history", "No sales history", sku + " has no sales in " + store + " within the history the hub forecasts from"));
        Map<String, String> source = new LinkedHashMap<>();
        source.put("store", store);
        source.put("sku", sku);
        return ForecastJson.of(source, found.series(), found.forecast());
    }

    static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://retail-hub.org/problems/" + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
