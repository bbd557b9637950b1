package dev.deemwb.bench.mmvp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.bench.Accuracy;
import dev.deemwb.bench.Skipped;
import dev.deemwb.io.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MmvpScorerTest {

    private static final MmvpOptions OPEN_CLOSED = new MmvpOptions("Open", "Closed");
    private static final MmvpOptions LEFT_RIGHT = new MmvpOptions("Left", "Right");
    private static final MmvpOptions RED_BLUE = new MmvpOptions("Red", "Blue");

    private static final List<MmvpPair> PAIRS = List.of(
            pair(1, OPEN_CLOSED, MmvpChoice.A, MmvpPattern.STATE),
            pair(3, LEFT_RIGHT, MmvpChoice.B, MmvpPattern.STATE),
            pair(5, RED_BLUE, MmvpChoice.A, MmvpPattern.COLOR));

    @ParameterizedTest(name = "''{0}'' picks {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "(a)            | A",
        "a              | A",
        "A.             | A",
        "(A) Open       | A",
        "\" open! \"    | A",
        "(b)            | B",
        "Closed         | B",
        "(a) Closed     | A",     // the letter wins: lmms-eval's standalone-letter rule
        "The door is open | NONE",
        "The answer is (b) | B",
        "Option A       | A",
        "I think b      | B",
        "Answer: B      | B",
        "B. Closed      | B",
        "a) Open        | A",
        "\"b, I guess\" | B",
        "a dog          | A",     // quirk of the rules: "a" is read as the letter
        "Both           | B",     // quirk: the first character
        "ab             | A",     // quirk: the first character
        "Neither        | NONE",
    })
    void answerMatching(String answer, String expected) {
        Optional<MmvpChoice> wanted = expected.equals("NONE") ? Optional.empty() : Optional.of(MmvpChoice.valueOf(expected));
        assertThat(OPEN_CLOSED.choiceNamedBy(answer)).isEqualTo(wanted);
    }

    @Test
    void answerNamingBothOptionsPicksNothing() {
        MmvpOptions same = new MmvpOptions("Yes", "yes");

        assertThat(same.choiceNamedBy("Yes")).as("both texts, no letter").isEmpty();
        assertThat(same.choiceNamedBy("(b)")).contains(MmvpChoice.B);
    }

    @Test
    void questionAndPairAccuracyWithPatternsAndSkips() {
        /*
         * By hand:
         * Index 1 correct (a), "(a)"       right  | pair 1 (STATE): both right -> right
         * Index 2 correct (b), "Closed."   right  |
         * Index 3 correct (b), "b"         right  | pair 2 (STATE): one wrong -> wrong
         * Index 4 correct (a), "(b) Right" wrong  |
         * Index 5 correct (a), "red"       right  | pair 3 (COLOR): Index 6 unanswered -> skipped
         * Index 6 no answer                skipped|
         * Index 99 answered, not in the benchmark -> skipped
         * questions 4/5 = 0.8; pairs 1/2 = 0.5; STATE 1/2; COLOR has no scored pair.
         */
        MmvpScore score = MmvpScorer.score(PAIRS, Map.of(
                1, "(a)", 2, "Closed.", 3, "b", 4, "(b) Right", 5, "red", 99, "(a)"));

        assertThat(score.questions()).isEqualTo(new Accuracy(4, 5, 0.8));
        assertThat(score.pairs()).isEqualTo(new Accuracy(1, 2, 0.5));
        assertThat(score.pairsByPattern()).containsExactly(Map.entry(MmvpPattern.STATE, Accuracy.of(1, 2)));
        assertThat(score.skipped().items()).containsExactly(
                new Skipped("Index 6", Skipped.NO_ANSWER),
                new Skipped("pair 3 (Index 5, 6)", Skipped.INCOMPLETE_PAIR),
                new Skipped("Index 99", Skipped.UNMATCHED_ANSWER));
    }

    @Test
    void withoutPatternsThereIsNoBreakdown() {
        MmvpPair plain = new MmvpPair(PAIRS.get(0).first(), PAIRS.get(0).second());

        MmvpScore score = MmvpScorer.score(List.of(plain), Map.of(1, "a", 2, "a"));

        // Index 1 right, Index 2 wrong: questions 1/2, pair 0/1
        assertThat(score.questions()).isEqualTo(Accuracy.of(1, 2));
        assertThat(score.pairs()).isEqualTo(Accuracy.of(0, 1));
        assertThat(score.pairsByPattern()).isEmpty();
        assertThat(score.skipped().count()).isZero();
    }

    @Test
    void answersThatAreExactlyTheLabelsAreRefusedAsTheGroundTruth() {
        Map<Integer, String> labels = new java.util.LinkedHashMap<>();
        for (MmvpPair pair : PAIRS) {
            labels.put(pair.first().index(), pair.first().correct().label());
            labels.put(pair.second().index(), " " + pair.second().correct().label());
        }
        assertThatThrownBy(() -> MmvpScorer.requireNotTheLabels(PAIRS, labels)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("these are the ground truth").hasMessageContaining("'response'");

        labels.put(PAIRS.get(0).first().index(), "(a) " + PAIRS.get(0).first().options().a());
        MmvpScorer.requireNotTheLabels(PAIRS, labels); // one real answer among them: a model's file
    }

    @Test
    void scoreSurvivesAJsonRoundTrip() throws Exception {
        MmvpScore score = MmvpScorer.score(PAIRS, Map.of(1, "(a)", 2, "(b)", 3, "a"));

        String json = Json.mapper().writeValueAsString(score);

        assertThat(Json.mapper().readValue(json, MmvpScore.class)).isEqualTo(score);
    }

    private static MmvpPair pair(int firstIndex, MmvpOptions options, MmvpChoice firstCorrect, MmvpPattern pattern) {
        MmvpChoice other = firstCorrect == MmvpChoice.A ? MmvpChoice.B : MmvpChoice.A;
        return new MmvpPair(new MmvpQuestion(firstIndex, "Which?", options, firstCorrect),
                new MmvpQuestion(firstIndex + 1, "Which?", options, other), Optional.of(pattern));
    }
}
