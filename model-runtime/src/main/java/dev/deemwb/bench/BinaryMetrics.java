package dev.deemwb.bench;

import java.util.Arrays;

/**
 * POPE's yes/no metrics with <em>yes as the positive class</em>, as fractions in [0, 1] (not
 * percents), with the confusion counts they come from.
 *
 * <p>A ratio whose denominator is zero is 0: precision when the model never says yes, recall when
 * no label is yes, F1 when precision and recall are both 0, accuracy and yes-ratio when
 * {@code n == 0}. (POPE's own script would divide by zero there.)
 *
 * <p>Build with {@link #fromCounts}; the canonical constructor (used by JSON readers) rejects
 * values that do not follow from the counts.
 */
public record BinaryMetrics(
        double accuracy, double precision, double recall, double f1, double yesRatio,
        int tp, int fp, int tn, int fn, int n) {

    public BinaryMetrics {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0 || n != tp + fp + tn + fn) {
            throw new IllegalArgumentException(
                    "inconsistent counts tp=" + tp + " fp=" + fp + " tn=" + tn + " fn=" + fn + " n=" + n);
        }
        double[] given = {accuracy, precision, recall, f1, yesRatio};
        if (!Arrays.equals(given, ratios(tp, fp, tn, fn))) {
            throw new IllegalArgumentException("metrics do not follow from the counts tp=" + tp
                    + " fp=" + fp + " tn=" + tn + " fn=" + fn);
        }
    }

    /** tp: label yes, said yes; fp: label no, said yes; tn: label no, said no; fn: label yes, said no. */
    public static BinaryMetrics fromCounts(int tp, int fp, int tn, int fn) {
        double[] r = ratios(tp, fp, tn, fn);
        return new BinaryMetrics(r[0], r[1], r[2], r[3], r[4], tp, fp, tn, fn, tp + fp + tn + fn);
    }

    /** accuracy, precision, recall, F1, yes-ratio. */
    private static double[] ratios(int tp, int fp, int tn, int fn) {
        int n = tp + fp + tn + fn;
        double precision = Ratios.ratio(tp, tp + fp);
        double recall = Ratios.ratio(tp, tp + fn);
        return new double[] {
            Ratios.ratio(tp + tn, n),
            precision,
            recall,
            Ratios.ratio(2 * precision * recall, precision + recall),
            Ratios.ratio(tp + fp, n),
        };
    }
}
