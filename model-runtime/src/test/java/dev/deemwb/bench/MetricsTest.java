package dev.deemwb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void binaryMetricsFromCounts() {
        // tp=3 fp=1 tn=4 fn=2, n=10: accuracy (3+4)/10 = 0.7, precision 3/4 = 0.75, recall 3/5 = 0.6,
        // F1 = 2*0.75*0.6/(0.75+0.6) = 0.9/1.35 = 2/3, yes-ratio (3+1)/10 = 0.4
        BinaryMetrics metrics = BinaryMetrics.fromCounts(3, 1, 4, 2);

        assertThat(metrics.accuracy()).isEqualTo(0.7);
        assertThat(metrics.precision()).isEqualTo(0.75);
        assertThat(metrics.recall()).isEqualTo(0.6);
        assertThat(metrics.f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(metrics.yesRatio()).isEqualTo(0.4);
        assertThat(metrics.n()).isEqualTo(10);
    }

    @Test
    void aRatioOverNothingIsNotAvailableNeverZero() {
        // A model that always says no: tp=0 fp=0 tn=5 fn=3. It never says yes -> precision n/a;
        // recall 0/3 = 0; F1 = 2tp/(2tp+fp+fn) = 0/3 = 0 (it found none of the 3 yes items);
        // accuracy 5/8 = 0.625; yes-ratio 0/8 = 0.
        BinaryMetrics alwaysNo = BinaryMetrics.fromCounts(0, 0, 5, 3);
        assertThat(alwaysNo).isEqualTo(new BinaryMetrics(0.625, null, 0.0, 0.0, 0.0, 0, 0, 5, 3, 8));

        // Only "no" labels, always answered no: recall and F1 have no yes to count -> n/a.
        assertThat(BinaryMetrics.fromCounts(0, 0, 4, 0))
                .isEqualTo(new BinaryMetrics(1.0, null, null, null, 0.0, 0, 0, 4, 0, 4));
        assertThat(BinaryMetrics.fromCounts(0, 0, 0, 0))
                .isEqualTo(new BinaryMetrics(null, null, null, null, null, 0, 0, 0, 0, 0));
        assertThat(Accuracy.of(0, 0).fraction()).isNull();
    }

    @Test
    void f1EqualsPopesFormulaWhereverThatIsDefined() {
        for (int[] c : new int[][] {{3, 1, 4, 2}, {1, 0, 0, 7}, {5, 5, 0, 0}, {0, 2, 3, 1}}) {
            BinaryMetrics m = BinaryMetrics.fromCounts(c[0], c[1], c[2], c[3]);
            double p = c[0] + c[1] == 0 ? Double.NaN : (double) c[0] / (c[0] + c[1]);
            double r = (double) c[0] / (c[0] + c[3]);
            if (p + r > 0) {
                assertThat(m.f1()).isCloseTo(2 * p * r / (p + r), within(1e-12));
            } else {
                assertThat(m.f1()).as("tp = 0: none found").isEqualTo(0.0);
            }
        }
    }

    @Test
    void canonicalConstructorRejectsValuesThatDoNotFollowFromTheCounts() {
        assertThatThrownBy(() -> new BinaryMetrics(0.9, 0.75, 0.6, 2.0 / 3, 0.4, 3, 1, 4, 2, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BinaryMetrics(0.7, 0.75, 0.6, 2.0 / 3, 0.4, 3, 1, 4, 2, 11))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Accuracy(1, 2, 0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Accuracy(0, 0, 0.0)).as("0 over nothing is not 0")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accuracyTally() {
        Accuracy.Tally tally = new Accuracy.Tally();
        tally.add(true);
        tally.add(false);
        tally.add(true);
        tally.add(true);

        assertThat(tally.result()).isEqualTo(new Accuracy(3, 4, 0.75));
        assertThat(new Accuracy.Tally().result()).isEqualTo(new Accuracy(0, 0, null));
    }

    @Test
    void exactMatchTallyCountsNotYesOrNoAsWrong() {
        // yes/"Yes." right, no/"yes" wrong, no/"maybe" wrong and not yes-or-no -> 1 of 3, 1 not yes-or-no
        ExactMatch.Tally tally = new ExactMatch.Tally();
        tally.add(YesNo.YES, "Yes.");
        tally.add(YesNo.NO, "yes");
        tally.add(YesNo.NO, "maybe");

        assertThat(tally.result()).isEqualTo(new ExactMatch(Accuracy.of(1, 3), 1));
    }

    @Test
    void skipsCountByReasonInFirstSeenOrder() {
        Skips skips = Skips.of(List.of(
                new Skipped("question_id 3", Skipped.NO_ANSWER),
                new Skipped("answer 9", Skipped.UNMATCHED_ANSWER),
                new Skipped("question_id 4", Skipped.NO_ANSWER)));

        assertThat(skips.count()).isEqualTo(3);
        assertThat(skips.byReason()).containsExactly(
                Map.entry(Skipped.NO_ANSWER, 2), Map.entry(Skipped.UNMATCHED_ANSWER, 1));
    }

    @Test
    void yesNoLabelsAreStrict() {
        assertThat(YesNo.fromLabel("no")).isEqualTo(YesNo.NO);
        assertThatThrownBy(() -> YesNo.fromLabel("Yes"))
                .hasMessage("label must be 'yes' or 'no', found 'Yes'");
    }
}
