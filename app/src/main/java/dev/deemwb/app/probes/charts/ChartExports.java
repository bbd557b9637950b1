package dev.deemwb.app.probes.charts;

import dev.deemwb.io.Png;
import java.awt.Rectangle;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGGraphics2D;

/** A chart as PNG, SVG or its data as CSV, ready to be written (atomically, by the caller). */
public final class ChartExports {

    private ChartExports() {
    }

    public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        return Png.encode(chart.createBufferedImage(width, height));
    }

    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(width, height));
        return g2.getSVGDocument();
    }

    /**
     * The plotted numbers: {@code series,category,value} for bar charts, {@code series,x,y} for line
     * charts; one row per point, in plot order.
     */
    public static String csv(JFreeChart chart) {
        Plot plot = chart.getPlot();
        StringBuilder csv = new StringBuilder();
        if (plot instanceof CategoryPlot categoryPlot) {
            CategoryDataset data = categoryPlot.getDataset();
            csv.append("series,category,value\n");
            for (int row = 0; row < data.getRowCount(); row++) {
                for (int column = 0; column < data.getColumnCount(); column++) {
                    Number value = data.getValue(row, column);
                    csv.append(line(data.getRowKey(row), data.getColumnKey(column), value == null ? "" : value));
                }
            }
        } else if (plot instanceof XYPlot xyPlot) {
            XYDataset data = xyPlot.getDataset();
            csv.append("series,x,y\n");
            for (int series = 0; series < data.getSeriesCount(); series++) {
                for (int item = 0; item < data.getItemCount(series); item++) {
                    csv.append(line(data.getSeriesKey(series), data.getX(series, item), data.getY(series, item)));
                }
            }
        } else {
            throw new IllegalArgumentException("no data export for a " + plot.getPlotType() + " plot");
        }
        return csv.toString();
    }

    private static String line(Object... cells) {
        return List.of(cells).stream().map(ChartExports::cell).collect(Collectors.joining(",")) + "\n";
    }

    private static String cell(Object value) {
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : String.valueOf(value);
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
