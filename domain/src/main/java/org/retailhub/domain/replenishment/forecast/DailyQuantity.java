package org.retailhub.domain.replenishment.forecast;

import java.time.LocalDate;
import java.util.Objects;

/** A quantity on one day: units sold (net of returns) in a history, or units expected in a forecast. */
public record DailyQuantity(LocalDate day, double quantity) {

    public DailyQuantity {
        Objects.requireNonNull(day, "day");
        if (!Double.isFinite(quantity)) {
            throw new IllegalArgumentException("quantity on " + day + " is not a number: " + quantity);
        }
    }
}
