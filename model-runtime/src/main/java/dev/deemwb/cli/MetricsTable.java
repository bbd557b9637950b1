package dev.deemwb.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints a flat metrics report as an aligned two-column table; fractions also as percents, null as n/a. */
final class MetricsTable {

    private MetricsTable() {
    }

    static void print(PrintWriter out, String title, Map<String, Object> report) {
        out.println(title);
        int width = report.keySet().stream().mapToInt(String::length).max().orElse(0);
        report.forEach((name, value) -> out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", name, format(value)));
    }

    private static String format(Object value) {
        if (value == null) {
            return "n/a";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f  (%.2f %%)", d, 100 * d);
        }
        return String.valueOf(value);
    }
}
