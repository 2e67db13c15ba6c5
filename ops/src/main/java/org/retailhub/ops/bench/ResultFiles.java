package org.retailhub.ops.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes one run as JSON (for machines), Markdown (for people) and a PNG of the latency ladder. */
final class ResultFiles {

    private final Path folder;
    private final String stamp;

    ResultFiles(Path folder, String stamp) {
        this.folder = folder;
        this.stamp = stamp;
    }

    void write(OrderBenchmark.Report report, BenchSettings settings) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve(stamp + ".json").toFile(), report);
        Files.writeString(folder.resolve(stamp + ".md"), markdown(report, settings));
        if (!report.sustained().isEmpty()) {
            ChartUtils.saveChartAsPNG(folder.resolve(stamp + ".png").toFile(), chart(report, settings), 900, 540);
        }
    }

    private static JFreeChart chart(OrderBenchmark.Report report, BenchSettings settings) {
        XYSeries p50 = new XYSeries("p50 accepted → CONFIRMED");
        XYSeries p95 = new XYSeries("p95 accepted → CONFIRMED");
        XYSeries p99 = new XYSeries("p99 accepted → CONFIRMED");
        XYSeries e2e = new XYSeries("p99 due → CONFIRMED (open loop)");
        for (Scenarios.Step s : report.sustained()) {
            p50.add(s.offeredPerSecond(), s.acceptedToConfirmed().p50());
            p95.add(s.offeredPerSecond(), s.acceptedToConfirmed().p95());
            p99.add(s.offeredPerSecond(), s.acceptedToConfirmed().p99());
            e2e.add(s.offeredPerSecond(), s.dueToConfirmed().p99());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(p50);
        data.addSeries(p95);
        data.addSeries(p99);
        data.addSeries(e2e);
        JFreeChart chart = ChartFactory.createXYLineChart("retail-hub order latency by arrival rate (" + report.startedAt() + ")",
                "offered orders/s", "latency (ms)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        Color[] colours = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)};
        for (int i = 0; i < colours.length; i++) {
            lines.setSeriesPaint(i, colours[i]);
            lines.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(lines);
        // latency spans milliseconds to seconds once the hub saturates: a log axis keeps the target readable
        LogAxis latency = new LogAxis("latency (ms, log scale)");
        latency.setSmallestValue(1);
        latency.setNumberFormatOverride(new DecimalFormat("#,##0"));
        plot.setRangeAxis(latency);
        NumberAxis rate = (NumberAxis) plot.getDomainAxis();
        rate.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        rate.setAutoRangeIncludesZero(true);
        ValueMarker target = new ValueMarker(settings.p99Target().toMillis(), Color.RED, new BasicStroke(1.5f));
        target.setLabel("p99 target " + settings.p99Target().toMillis() + " ms");
        target.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        target.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(target);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    /** How the run started, so that nobody reads a warmed-up first step as a cold one or the other way round. */
    static String startLine(Scenarios.Start start) {
        if (start == null || BenchSettings.COLD.equals(start.mode())) {
            return "**Start: cold.** The first step met the hub as it was started, its JIT still compiling.";
        }
        if (!Boolean.TRUE.equals(start.jitQuiet())) {
            return String.format(Locale.ROOT, "**Start: warmed, but the JIT never went quiet.** %d orders at %d/s for %d s, not "
                    + "counted, the longest warm-up allowed; the hub's compiler threads were still busy %.2f of one thread's time "
                    + "over the last 10 s.", start.warmUpOrders(), start.warmUpRate(), start.warmUpSeconds(), start.jitBusyAtEnd());
        }
        return String.format(Locale.ROOT, "**Start: warmed until the JIT was quiet.** %d orders at %d/s for %d s, not counted, "
                + "until the hub's compiler threads were busy %.2f of one thread's time over the last 10 s.",
                start.warmUpOrders(), start.warmUpRate(), start.warmUpSeconds(), start.jitBusyAtEnd());
    }

    private static String markdown(OrderBenchmark.Report r, BenchSettings settings) {
        StringBuilder md = new StringBuilder();
        md.append("# Order benchmark ").append(r.startedAt()).append("\n\n");
        md.append("Machine: ").append(r.machine()).append("\n\n");
        md.append("Hub settings: `").append(r.settings().get("hubSettings")).append("`\n\n");
        md.append(startLine(r.start())).append("\n\n");
        if (r.commitCeiling() != null) {
            md.append(String.format(Locale.ROOT, "**Commit ceiling** (single-row durable commits on the same PostgreSQL): "
                    + "%.0f/s with one client, %.0f/s with %d clients.%n%n",
                    r.commitCeiling().oneClient(), r.commitCeiling().manyClients(), r.commitCeiling().clients()));
        }
        if (!r.sustained().isEmpty()) {
            md.append("**Sustained** (").append(settings.step().toSeconds()).append(" s measured after ")
                    .append(settings.warmUp().toSeconds()).append(" s warm-up per step; ")
                    .append(Math.round(settings.restShare() * 100)).append(" % REST, the rest over Kafka):\n\n")
                    .append("| offered/s | confirmed/s | accepted→CONFIRMED p50 | p95 | p99 | max | due→CONFIRMED p99 "
                            + "| accepted→PAID p50 | PAID p99 | not confirmed | send failures | refused, sent again | holds p99 ≤ ")
                    .append(settings.p99Target().toMillis()).append(" ms | CPU ms/order (hub + PostgreSQL) | net of rest "
                            + "| commits/order | row writes/order |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Scenarios.Step s : r.sustained()) {
                Latency a = s.acceptedToConfirmed();
                CostMeter.PerOrder c = s.cost();
                md.append(String.format(Locale.ROOT,
                        "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %s | %.1f (%.1f + %.1f) | %.1f | %.1f | %.1f |%n",
                        s.offeredPerSecond(), s.confirmedPerSecond(), a.p50(), a.p95(), a.p99(), a.max(), s.dueToConfirmed().p99(),
                        s.acceptedToPaid().p50(), s.acceptedToPaid().p99(), s.notConfirmed(), s.sendFailures(), s.refused(),
                        s.holdsTarget() ? "yes" : "no", c.cpuMs(), c.hubCpuMs(), c.postgresCpuMs(), c.netCpuMs(), c.commits(), c.rowWrites()));
            }
            if (r.sustained().get(0).hubJvm() != null) {
                md.append("\nThe hub's JVM during each step (from its actuator").append(settings.hubPids().isEmpty()
                                ? "; the compiler's time is elapsed, waits for a core included" : "; its compiler threads' CPU from /proc")
                        .append("):\n\n| offered/s | cores | JIT compiler threads busy | GC pauses | GC pause ms |\n|---|---|---|---|---|\n");
                for (Scenarios.Step s : r.sustained()) {
                    Scenarios.Jvm j = s.hubJvm();
                    md.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.0f | %.0f |%n", s.offeredPerSecond(), j.cores(), j.compilerBusy(),
                            j.gcPauses(), j.gcPauseMs()));
                }
            }
            CostMeter.PerOrder last = r.sustained().get(r.sustained().size() - 1).cost();
            md.append("\nHub at rest before the last step: ").append(last.idleCpuMsPerSecond()).append(" ms of CPU per second. Row writes per order "
                    + "in the last step, by table: ").append(last.rowWritesByTable()).append("\n");
            md.append("\nHighest rate holding the target: ")
                    .append(r.highestRateHoldingTarget() == null ? "none" : r.highestRateHoldingTarget() + " orders/s").append("\n\n");
        }
        if (r.burst() != null) {
            Scenarios.Burst b = r.burst();
            md.append(String.format(Locale.ROOT, "**Burst**: %d orders (+%d re-sent duplicates) injected at once over Kafka; "
                    + "%d confirmed, the last %.1f s after injection (%.1f confirmed/s; accepted→CONFIRMED p99 %.1f ms), "
                    + "the last paid %.1f s after injection (accepted→PAID p99 %.1f ms). "
                    + "Rows: %d, distinct orders: %d, events: %s. Exactly once: **%s**. "
                    + "Per order: %.1f ms CPU (hub %.1f + PostgreSQL %.1f; %.1f net of rest), %.1f commits, %.1f row writes.%n%n",
                    b.orders(), b.duplicatesSent(), b.confirmed(), b.secondsUntilAllConfirmed(), b.confirmedPerSecond(),
                    b.acceptedToConfirmed().p99(), b.secondsUntilAllPaid(), b.acceptedToPaid().p99(), b.rows(), b.distinctOrders(),
                    b.events(), b.exactlyOnce() ? "yes" : "NO", b.cost().cpuMs(), b.cost().hubCpuMs(), b.cost().postgresCpuMs(),
                    b.cost().netCpuMs(), b.cost().commits(), b.cost().rowWrites()));
        }
        if (r.contention() != null) {
            Scenarios.Contention c = r.contention();
            md.append(String.format(Locale.ROOT, "**Contention**: %d buyers at %d/s for %s, %d units each: %d confirmed, %d not; "
                    + "units taken %s; oversold: **%s**; accepted→CONFIRMED p50 %.1f p99 %.1f ms; %.1f confirmed/s.%n%n",
                    c.buyers(), c.offeredPerSecond(), c.skus(), c.stockPerSku(), c.confirmed(), c.notConfirmed(), c.unitsTaken(),
                    c.oversold() ? "YES" : "no", c.acceptedToConfirmed().p50(), c.acceptedToConfirmed().p99(), c.confirmedPerSecond()));
        }
        if (!r.ratios().isEmpty()) {
            md.append("Ratios to the commit ceiling: ").append(r.ratios()).append("\n");
        }
        return md.toString();
    }
}
