package org.retailhub.domain.replenishment.forecast;

import java.util.Objects;

/**
 * Something the forecaster did to a series that a reader of the forecast should know: a cleansing step or a
 * fallback from the normal path. Part of the result, so that a proposal can explain itself.
 *
 * @param reason what happened
 * @param days   how many days of the history it concerns (0 where that does not apply)
 * @param detail one line for people, with the figures behind it
 */
public record ForecastNote(Reason reason, int days, String detail) {

    public ForecastNote {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** Why a note was written; stable codes for programs, see {@code docs/replenishment.md}. */
    public enum Reason {
        /** Days without a sales record inside the history were taken as days without sales. */
        UNRECORDED_DAYS_AS_ZERO,
        /** Days whose returns outweighed their sales were set to zero demand. */
        NEGATIVE_DAYS_CLIPPED,
        /** Days far above their usual level (one-off events) were capped before fitting. */
        OUTLIERS_CAPPED,
        /** The history is too short for the outlier check to tell a spike from the usual level. */
        TOO_SHORT_FOR_OUTLIER_CHECK,
        /** No demand at all: the forecast is zero. */
        ALL_ZERO,
        /** Fewer than two weeks (no Holt-Winters) or fewer than one week (no seasonal naive either). */
        TOO_SHORT_FOR_SEASON,
        /** Too short for even one backtest origin: the model was chosen by rule. */
        TOO_SHORT_FOR_BACKTEST,
        /** The backtest ran on fewer origins than configured. */
        FEWER_BACKTEST_ORIGINS,
        /** Multiplicative Holt-Winters was left out because the history has days without positive demand. */
        MULTIPLICATIVE_NEEDS_POSITIVE_DATA,
        /** A candidate model could not be fitted at some origin and was left out of the choice. */
        FIT_FAILED,
        /** The chosen model forecast negative demand on some days; those days were set to zero. */
        NEGATIVE_FORECAST_CLIPPED,
        /**
         * Promotions: past promotion days were divided by the article's uplift before fitting, forecast days of planned
         * promotions multiplied by it (the replenishment planner's step, not the forecaster's).
         */
        PROMOTION_UPLIFT
    }
}
