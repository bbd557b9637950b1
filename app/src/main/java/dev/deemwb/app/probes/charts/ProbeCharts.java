package dev.deemwb.app.probes.charts;

import dev.deemwb.bench.BinaryMetrics;
import dev.deemwb.bench.mmvp.MmvpScore;
import dev.deemwb.bench.pope.PopeScore;
import dev.deemwb.bench.robustvqa.RobustVqaScore;
import dev.deemwb.eval.Benchmark;
import dev.deemwb.eval.MmvpBenchmark;
import dev.deemwb.eval.PopeBenchmark;
import dev.deemwb.eval.RobustVqaBenchmark;
import dev.deemwb.eval.RunReport;
import dev.deemwb.eval.Slices;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a run's report, built from the scorers' results (never recomputed here): POPE's
 * official metrics per model with the 0.5 yes-ratio line; MMVP's per-question, pair and per-pattern
 * pair accuracy; RobustVQA's accuracy per split, and against severity per model and transform when
 * the items carry their shift. Every value is a fraction in [0, 1].
 */
public final class ProbeCharts {

    /** A chart with a stable id (for file names and tests). */
    public record NamedChart(String id, JFreeChart chart) {
    }

    private ProbeCharts() {
    }

    public static List<NamedChart> of(RunReport report) {
        return report.benchmark().match(new Benchmark.Cases<>() {
            @Override
            public List<NamedChart> pope(PopeBenchmark pope) {
                return List.of(ProbeCharts.pope(pope, report.scores(pope)));
            }

            @Override
            public List<NamedChart> mmvp(MmvpBenchmark mmvp) {
                return List.of(ProbeCharts.mmvp(report.scores(mmvp)));
            }

            @Override
            public List<NamedChart> robustVqa(RobustVqaBenchmark robustVqa) {
                List<NamedChart> charts = new ArrayList<>();
                charts.add(robustVqaSplits(report.scores(robustVqa)));
                if (report.records().stream().anyMatch(r -> r.slices().containsKey("severity"))) {
                    charts.add(robustVqaSeverity(report));
                }
                return charts;
            }
        });
    }

    private static NamedChart pope(PopeBenchmark pope, Map<String, PopeScore> scores) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        scores.forEach((model, score) -> {
            BinaryMetrics m = score.official();
            data.addValue(m.accuracy(), model, "accuracy");
            data.addValue(m.precision(), model, "precision");
            data.addValue(m.recall(), model, "recall");
            data.addValue(m.f1(), model, "F1");
            data.addValue(m.yesRatio(), model, "yes-ratio");
        });
        JFreeChart chart = bars("POPE " + pope.split() + " — " + PopeBenchmark.OFFICIAL, data, PlotOrientation.VERTICAL);
        // The line is named under the chart, not beside it: a label in the plot sat on a model's bar, and
        // on the axis it was cut to the plot's height.
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        chart.addSubtitle(new TextTitle("dashed line: 0.5, a balanced yes-ratio", new Font(Font.SANS_SERIF,
                Font.PLAIN, 12), Color.DARK_GRAY, RectangleEdge.BOTTOM, HorizontalAlignment.CENTER,
                VerticalAlignment.CENTER, RectangleInsets.ZERO_INSETS));
        plot.addRangeMarker(new ValueMarker(0.5, Color.GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0)));
        return new NamedChart(pope.name(), chart);
    }

    private static NamedChart mmvp(Map<String, MmvpScore> scores) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        scores.forEach((model, score) -> {
            data.addValue(score.questions().fraction(), model, "per question");
            data.addValue(score.pairs().fraction(), model, "pair");
            score.pairsByPattern().forEach((pattern, accuracy) ->
                    data.addValue(accuracy.fraction(), model, "pair · " + pattern.id()));
        });
        // Horizontal: a pattern's name gets the width of the chart's left column, not a bar's width ("p…").
        JFreeChart chart = bars("MMVP — accuracy per question, per pair (both right) and per pattern", data,
                PlotOrientation.HORIZONTAL);
        ((CategoryPlot) chart.getPlot()).getDomainAxis().setMaximumCategoryLabelWidthRatio(0.35f);
        return new NamedChart("mmvp", chart);
    }

    private static NamedChart robustVqaSplits(Map<String, RobustVqaScore> scores) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        scores.forEach((model, score) -> {
            score.bySplit().forEach((split, exact) -> data.addValue(exact.accuracy().fraction(), model, split));
            data.addValue(score.overall().accuracy().fraction(), model, "overall");
        });
        return new NamedChart("robustvqa", bars("RobustVQA — accuracy per split (exact match)", data,
                PlotOrientation.VERTICAL));
    }

    /**
     * One line per model and transform, for every model that answered in the run (the mini pair and any
     * endpoints); imported models have no per-item records, so they are not drawn.
     */
    private static NamedChart robustVqaSeverity(RunReport report) {
        XYSeriesCollection data = new XYSeriesCollection();
        Set<String> models = new LinkedHashSet<>();
        report.records().forEach(record -> models.addAll(record.answers().keySet()));
        for (String model : models) {
            Map<String, XYSeries> lines = new TreeMap<>();
            Slices.accuracyBy(report.records(), model, "transform", "severity").forEach((group, accuracy) ->
                    lines.computeIfAbsent(group.get(0), t -> new XYSeries(model + " · " + t))
                            .add(Integer.parseInt(group.get(1)), accuracy.fraction()));
            lines.values().forEach(data::addSeries);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("RobustVQA — accuracy against severity", "severity",
                "accuracy", data, PlotOrientation.VERTICAL, true, true, false);
        chart.getXYPlot().getRangeAxis().setRange(0, 1);
        return new NamedChart("robustvqa_severity", chart);
    }

    private static JFreeChart bars(String title, DefaultCategoryDataset data, PlotOrientation orientation) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, "fraction", data, orientation, true, true, false);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        plot.getRangeAxis().setRange(0, 1);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2); // wrap a long category before cutting it
        return chart;
    }
}
