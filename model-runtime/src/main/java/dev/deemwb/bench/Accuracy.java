package dev.deemwb.bench;

import java.util.Objects;

/**
 * {@code correct} out of {@code total}, with the fraction precomputed so that JSON reports carry it.
 * The fraction over zero items is null ("n/a").
 * Build with {@link #of}; the canonical constructor rejects inconsistent values.
 */
public record Accuracy(int correct, int total, Double fraction) {

    public Accuracy {
        if (correct < 0 || total < correct) {
            throw new IllegalArgumentException("need 0 <= correct <= total, found " + correct + "/" + total);
        }
        if (!Objects.equals(fraction, Ratios.ratio(correct, total))) {
            throw new IllegalArgumentException("fraction " + fraction + " is not " + correct + "/" + total);
        }
    }

    public static Accuracy of(int correct, int total) {
        return new Accuracy(correct, total, Ratios.ratio(correct, total));
    }

    /** Counts right and wrong items one at a time. */
    public static final class Tally {
        private int correct;
        private int total;

        public void add(boolean isCorrect) {
            total++;
            if (isCorrect) {
                correct++;
            }
        }

        public Accuracy result() {
            return of(correct, total);
        }
    }
}
