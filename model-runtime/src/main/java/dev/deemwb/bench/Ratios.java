package dev.deemwb.bench;

/** The one division rule for every metric: a fraction over nothing is "n/a" (null), never 0 or NaN. */
final class Ratios {

    private Ratios() {}

    /**
     * {@code numerator / denominator}, or null when the denominator is 0: reports write it as JSON
     * null and tables as "n/a", so an empty set never reads as a score of 0.
     */
    static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
