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
    void zeroDenominatorsGiveZero() {
        // A model that always says no: tp=0 fp=0 tn=5 fn=3. No predicted yes -> precision 0 (not NaN),
        // recall 0/3 = 0, F1 0, accuracy 5/8 = 0.625, yes-ratio 0.
        BinaryMetrics alwaysNo = BinaryMetrics.fromCounts(0, 0, 5, 3);
        assertThat(alwaysNo).isEqualTo(new BinaryMetrics(0.625, 0, 0, 0, 0, 0, 0, 5, 3, 8));

        assertThat(BinaryMetrics.fromCounts(0, 0, 0, 0)).isEqualTo(new BinaryMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void canonicalConstructorRejectsValuesThatDoNotFollowFromTheCounts() {
        assertThatThrownBy(() -> new BinaryMetrics(0.9, 0.75, 0.6, 2.0 / 3, 0.4, 3, 1, 4, 2, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BinaryMetrics(0.7, 0.75, 0.6, 2.0 / 3, 0.4, 3, 1, 4, 2, 11))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Accuracy(1, 2, 0.4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accuracyTally() {
        Accuracy.Tally tally = new Accuracy.Tally();
        tally.add(true);
        tally.add(false);
        tally.add(true);
        tally.add(true);

        assertThat(tally.result()).isEqualTo(new Accuracy(3, 4, 0.75));
        assertThat(new Accuracy.Tally().result()).isEqualTo(new Accuracy(0, 0, 0));
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
