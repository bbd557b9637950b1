package dev.deemwb.bench;

/** The one division rule for every metric: a fraction whose denominator is zero is 0, not NaN. */
final class Ratios {

    private Ratios() {}

    /**
     * {@code numerator / denominator}, or 0 when the denominator is 0. Zero (rather than NaN) keeps
     * reports valid JSON and charts drawable; the counts beside each fraction show when it is empty.
     */
    static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }
}
