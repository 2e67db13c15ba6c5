package org.retailhub.ops.replenishment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The simulation's figures for people: a Markdown table and a plot of stock turnover against fill rate. */
final class SimulationReport {

    private static final java.util.Map<String, String> LEGEND = java.util.Map.of(
            ReplenishmentSimulation.HUB, "hub: forecast + reorder policy, with the promotion calendar",
            ReplenishmentSimulation.HUB_BLIND, "hub without the promotion calendar",
            ReplenishmentSimulation.RETAILER, "retailer today: fixed reorder point and quantity (by its z)");

    private SimulationReport() {
    }

    static String markdown(ReplenishmentSimulation.Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# Replenishment simulation ").append(report.startedAt()).append("\n\n");
        md.append("Settings: ").append(report.settings()).append("  \nMachine: ").append(report.machine())
                .append(String.format(Locale.ROOT, "  \nRun time: %.0f s%n%n", report.seconds()));
        md.append("| practice | service level | fill rate | stock turnover (cost) | turnover (units) | stock-out days | per series | "
                + "mean stock (units) | mean stock (EUR at cost) | order lines | WAPE | seasonal naive WAPE | MASE | seasonal naive MASE |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (PracticeResult r : report.results()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f %% | %.2f | %.2f | %d | %.1f | %.0f | %.0f | %d | %s | %s | %s | %s |%n",
                    r.practice(), r.serviceLevel(), 100 * r.fillRate(), r.turnover(), r.turnoverUnits(), r.stockOutDays(),
                    r.stockOutDaysPerSeries(), r.averageStockUnits(), r.averageStockValue(), r.orders(), figure(r.wape()),
                    figure(r.naiveWape()), figure(r.mase()), figure(r.naiveMase())));
        }
        md.append("\nGoals: ").append(report.goals()).append('\n');
        return md.toString();
    }

    private static String figure(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    /**
     * The practice's turnover at a given fill rate, read off the straight lines between its runs at different service
     * levels (empty unless two of its runs lie on either side of that fill rate).
     */
    static Optional<Double> turnoverAtFillRate(List<PracticeResult> all, String practice, double fillRate) {
        List<PracticeResult> runs = all.stream().filter(r -> r.practice().equals(practice))
                .sorted(Comparator.comparingDouble(PracticeResult::fillRate)).toList();
        for (int i = 1; i < runs.size(); i++) {
            PracticeResult low = runs.get(i - 1);
            PracticeResult high = runs.get(i);
            if (low.fillRate() <= fillRate && fillRate <= high.fillRate() && high.fillRate() > low.fillRate()) {
                double share = (fillRate - low.fillRate()) / (high.fillRate() - low.fillRate());
                return Optional.of(low.turnover() + share * (high.turnover() - low.turnover()));
            }
        }
        return Optional.empty();
    }

    static void plot(ReplenishmentSimulation.Report report, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        java.util.Map<String, XYSeries> byPractice = new java.util.LinkedHashMap<>();
        for (PracticeResult r : report.results()) {
            byPractice.computeIfAbsent(r.practice(), p -> {
                XYSeries series = new XYSeries(LEGEND.getOrDefault(p, p), true, true);
                data.addSeries(series);
                return series;
            });
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Replenishment simulation, " + report.settings().get("series")
                        + " article × store series, one year (" + report.startedAt().substring(0, 10) + ")",
                "fill rate (% of demanded units sold)", "stock turnover per year (cost of sales / mean stock at cost)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        for (PracticeResult r : report.results()) {
            byPractice.get(r.practice()).add(100 * r.fillRate(), r.turnover());
            XYTextAnnotation label = new XYTextAnnotation(r.serviceLevel(), 100 * r.fillRate(), r.turnover());
            label.setTextAnchor(r.practice().equals(ReplenishmentSimulation.RETAILER) ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(label);
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        Color[] colours = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};
        for (int i = 0; i < data.getSeriesCount(); i++) {
            lines.setSeriesPaint(i, colours[i % colours.length]);
            lines.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 620);
    }
}
