package dev.deemwb.bench;

import java.util.Arrays;

/**
 * POPE's yes/no metrics with <em>yes as the positive class</em>, as fractions in [0, 1] (not
 * percents), with the confusion counts they come from.
 *
 * <p>A ratio whose denominator is zero is null ("n/a"): precision when the model never says yes,
 * recall when no label is yes, F1 when neither the labels nor the answers hold a yes, accuracy and
 * yes-ratio when {@code n == 0}. (POPE's own script divides by zero there.) F1 is computed as
 * {@code 2tp / (2tp + fp + fn)}, which equals POPE's {@code 2pr / (p + r)} wherever that is defined
 * and is 0, not undefined, when the model finds none of the yes items.
 *
 * <p>Build with {@link #fromCounts}; the canonical constructor (used by JSON readers) rejects
 * values that do not follow from the counts.
 */
public record BinaryMetrics(
        Double accuracy, Double precision, Double recall, Double f1, Double yesRatio,
        int tp, int fp, int tn, int fn, int n) {

    public BinaryMetrics {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0 || n != tp + fp + tn + fn) {
            throw new IllegalArgumentException(
                    "inconsistent counts tp=" + tp + " fp=" + fp + " tn=" + tn + " fn=" + fn + " n=" + n);
        }
        if (!Arrays.asList(accuracy, precision, recall, f1, yesRatio).equals(Arrays.asList(ratios(tp, fp, tn, fn)))) {
            throw new IllegalArgumentException("metrics do not follow from the counts tp=" + tp
                    + " fp=" + fp + " tn=" + tn + " fn=" + fn);
        }
    }

    /** tp: label yes, said yes; fp: label no, said yes; tn: label no, said no; fn: label yes, said no. */
    public static BinaryMetrics fromCounts(int tp, int fp, int tn, int fn) {
        Double[] r = ratios(tp, fp, tn, fn);
        return new BinaryMetrics(r[0], r[1], r[2], r[3], r[4], tp, fp, tn, fn, tp + fp + tn + fn);
    }

    /** accuracy, precision, recall, F1, yes-ratio. */
    private static Double[] ratios(int tp, int fp, int tn, int fn) {
        int n = tp + fp + tn + fn;
        return new Double[] {
            Ratios.ratio(tp + tn, n),
            Ratios.ratio(tp, tp + fp),
            Ratios.ratio(tp, tp + fn),
            Ratios.ratio(2.0 * tp, 2.0 * tp + fp + fn),
            Ratios.ratio(tp + fp, n),
        };
    }
}
