package org.retailhub.domain.replenishment.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CrostonTest {

    private final double[] intermittent = ReferenceSeries.quantities("intermittent.csv");

    @Test
    void smallCaseByHand() {
        // days 0 2 0 0 4 0: first size 2 after an interval of 2 days; then size 2 + 0.5 * (4 - 2) = 3,
        // interval 2 + 0.5 * (3 - 2) = 2.5 -> Croston 3 / 2.5 = 1.2, SBA 1.2 * (1 - 0.25) = 0.9.
        // One-step errors after the first demand: day 3: 0 - 1, day 4: 0 - 1, day 5: 4 - 1, day 6: 0 - 1.2.
        double[] days = {0, 2, 0, 0, 4, 0};
        Croston.Fitted croston = new Croston(false).fit(days, 0.5);

        assertThat(croston.forecast(3)).containsExactly(1.2, 1.2, 1.2);
        assertThat(croston.parameters()).containsEntry("size", 3.0).containsEntry("interval", 2.5);
        assertThat(croston.sse()).isCloseTo(1 + 1 + 9 + 1.44, within(1e-12));
        assertThat(new Croston(true).fit(days, 0.5).forecast(1)[0]).isCloseTo(0.9, within(1e-12));
    }

    /**
     * Against R's {@code forecast::croston} (forecast 8.20, Debian's r-cran-forecast), printed by
     * {@code Rscript ops/forecast/reference/croston.R ops/forecast/reference/intermittent.csv}. R's fitted values
     * also score the day of the first demand (against a forecast of zero), which ours leave out as there is no
     * forecast before a first demand: so R's SSE is ours plus the first demand squared (1, on day 2).
     */
    @Test
    void givenAlphaMatchesR() {
        Croston.Fitted croston = new Croston(false).fit(intermittent, 0.1);
        Croston.Fitted sba = new Croston(true).fit(intermittent, 0.1);

        assertThat(croston.forecast(1)[0]).isCloseTo(0.771670348657355, within(1e-12));
        assertThat(croston.sse() + 1).isCloseTo(224.863333795811, within(1e-9));
        assertThat(sba.forecast(1)[0]).isCloseTo(0.733086831224487, within(1e-12));
        assertThat(sba.sse() + 1).isCloseTo(224.601833188261, within(1e-9));
    }

    /** R's optimize() on [0.05, 0.3] ends at the lower bound for both; so does our Brent search. */
    @Test
    void fittedAlphaMatchesRsSearch() {
        assertThat(new Croston(false).fit(intermittent).parameters().get("alpha")).isCloseTo(0.05, within(1e-6));
        assertThat(new Croston(false).fit(intermittent).forecast(1)[0]).isCloseTo(0.74539815245608, within(1e-6));
        assertThat(new Croston(true).fit(intermittent).forecast(1)[0]).isCloseTo(0.726763198275943, within(1e-6));
    }
}
