package dev.deemwb.eval;

import java.util.Locale;

/**
 * One reported number, flat, for tables and CSV: which benchmark and model, which metric under which
 * rule, its value as a fraction, and the counts it comes from.
 *
 * @param variant which rule or unit the number uses, e.g. {@code POPE official} or {@code pair};
 *                two metrics of the same name but different variants are different numbers
 * @param value   null where it is computed over nothing ("n/a")
 * @param n       how many items (or pairs) it is computed over
 * @param tp      confusion counts (yes = positive) where the metric has them, else null
 */
public record Metric(String benchmark, String model, String metric, String variant, Double value, int n,
                     Integer tp, Integer fp, Integer tn, Integer fn) {

    static Metric of(String benchmark, String model, String metric, String variant, Double value, int n) {
        return new Metric(benchmark, model, metric, variant, value, n, null, null, null, null);
    }

    /** The value as tables show it: {@code 45.0 %}, or {@code n/a}. */
    public String percent() {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }
}
