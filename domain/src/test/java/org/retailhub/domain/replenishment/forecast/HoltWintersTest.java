package org.retailhub.domain.replenishment.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Holt-Winters against R's {@code stats::HoltWinters} (R 4.2, Debian bookworm's r-base-core), whose values were
 * printed by {@code Rscript ops/forecast/reference/holt-winters.R ops/forecast/reference/weekly.csv} and pasted here.
 */
class HoltWintersTest {

    private final double[] weekly = ReferenceSeries.quantities("weekly.csv");

    @Test
    void additiveWithGivenParametersMatchesRToTheLastDigits() {
        HoltWinters.Fitted fit = new HoltWinters(false).fit(weekly, 0.4, 0.05, 0.3);

        assertThat(fit.sse()).isCloseTo(642.170906586344, within(1e-9));
        assertCoefficients(fit.parameters(), 28.6616485571593, 0.0601375475145361, -4.34075046829744,
                -2.7480260452775, -3.08639730401384, -0.912203506450016, 4.9267421005709, 15.3090022640154,
                -12.3112107455697);
        assertThat(fit.forecast(14)).containsExactly(new double[] {24.3810356363764, 26.0338976069109,
                25.7556638956891, 27.9899952407675, 33.8890783953029, 44.3314761062619, 16.7714006441914,
                24.8019984689782, 26.4548604395127, 26.1766267282909, 28.4109580733692, 34.3100412279047,
                44.7524389388637, 17.1923634767931}, within(1e-9));
    }

    @Test
    void multiplicativeWithGivenParametersMatchesRToTheLastDigits() {
        HoltWinters.Fitted fit = new HoltWinters(true).fit(weekly, 0.4, 0.05, 0.3);

        assertThat(fit.sse()).isCloseTo(614.135190083451, within(1e-9));
        assertCoefficients(fit.parameters(), 27.7241336926011, -0.000361600567564041, 0.826307834677562,
                0.876482933003932, 0.862394483800031, 0.94682973631694, 1.17219681190416, 1.57727713369153,
                0.561605273486561);
        assertThat(fit.forecast(14)).containsExactly(new double[] {22.9083700864624, 24.299096140432,
                23.9082044376293, 26.2486646971009, 32.4960217921092, 43.725220058906, 15.5685981471117,
                22.9062785327884, 24.2968775833498, 23.9060215412857, 26.2462680779106, 32.4930547228819,
                43.7212276487588, 15.5671766096122}, within(1e-9));
    }

    /**
     * Both fit by minimising the same SSE from the same start values, R with L-BFGS-B from (0.3, 0.1, 0.1), we with
     * Nelder-Mead from the best of R's start and a grid of 36 points: ours may only be as good or better, and where both found the same valley the
     * parameters agree to 1e-3. R's fits of weekly.csv, additive and multiplicative:
     */
    @ParameterizedTest
    @CsvSource({
        "false, 535.090565512704, 0.206826816034925, 0.0501628305813385, 0.52199231268708",
        "true,  536.516834454213, 0.190255308707653, 0.0706683712071572, 0.442019316851688"})
    void fittedFindsRsMinimum(boolean multiplicative, double sse, double alpha, double beta, double gamma) {
        Map<String, Double> fitted = new HoltWinters(multiplicative).fit(weekly).parameters();

        assertThat(fitted.get("sse")).isLessThanOrEqualTo(sse * (1 + 1e-9)).isGreaterThan(sse * (1 - 1e-4));
        assertThat(fitted.get("alpha")).isCloseTo(alpha, within(1e-3));
        assertThat(fitted.get("beta")).isCloseTo(beta, within(1e-3));
        assertThat(fitted.get("gamma")).isCloseTo(gamma, within(1e-3));
    }

    /**
     * Two years of daily demand ({@code Rscript ops/forecast/reference/holt-winters.R
     * ops/forecast/reference/two-years.csv}): the SSE surface is flat along beta here, R's L-BFGS-B stops early
     * (on the multiplicative one with "ABNORMAL_TERMINATION_IN_LNSRCH"), and our SSE is no worse than R's and within
     * 1e-4 of it (additive 3742.84316590408, multiplicative 3489.38139055974).
     */
    @Test
    void fittedOnTwoYearsIsAtLeastAsGoodAsR() {
        double[] twoYears = ReferenceSeries.quantities("two-years.csv");

        double additive = new HoltWinters(false).fit(twoYears).parameters().get("sse");
        double multiplicative = new HoltWinters(true).fit(twoYears).parameters().get("sse");

        assertThat(additive).isLessThanOrEqualTo(3742.84316590408).isGreaterThan(3742.84316590408 * (1 - 1e-4));
        assertThat(multiplicative).isLessThanOrEqualTo(3489.38139055974).isGreaterThan(3489.38139055974 * (1 - 1e-4));
    }

    private static void assertCoefficients(Map<String, Double> parameters, double... levelTrendSeasons) {
        assertThat(parameters.get("level")).isCloseTo(levelTrendSeasons[0], within(1e-9));
        assertThat(parameters.get("trend")).isCloseTo(levelTrendSeasons[1], within(1e-9));
        for (int day = 1; day <= 7; day++) {
            assertThat(parameters.get("s" + day)).as("s" + day).isCloseTo(levelTrendSeasons[day + 1], within(1e-9));
        }
    }
}
