package dev.deemwb.bench.pope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.deemwb.bench.Accuracy;
import dev.deemwb.bench.BinaryMetrics;
import dev.deemwb.bench.ExactMatch;
import dev.deemwb.bench.Skipped;
import dev.deemwb.io.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopeScorerTest {

    private static final String ASKED = "Is there a dog in the image?";

    private static final List<PopeQuestion> QUESTIONS = List.of(
            question(1, "yes"), question(2, "yes"), question(3, "yes"), question(4, "yes"),
            question(5, "no"), question(6, "no"), question(7, "no"), question(8, "no"));

    /*
     * By hand, label / answer -> official parse (confusion cell); exact match:
     * 1 yes "Yes, there is a dog." -> yes (tp); DEEM's extraction keeps "yes" (before the ","): right
     * 2 yes "yes"                  -> yes (tp); right
     * 3 yes "No."                  -> no  (fn); "no": wrong
     * 4 yes "Yes."                 -> yes (tp); right
     * 5 no  "There is no cat."     -> no  (tn); extracted "no cat" (after "is "), not yes/no: wrong, other
     * 6 no  "no"                   -> no  (tn); right
     * 7 no  "Yes"                  -> yes (fp); wrong
     * 8 no  "Not."                 -> yes (fp: "Not" is not No/no/not); "not" is not yes/no: wrong, other
     * tp=3 fp=2 tn=2 fn=1, n=8: accuracy 5/8 = 0.625, precision 3/5 = 0.6, recall 3/4 = 0.75,
     * F1 = 2*0.6*0.75/1.35 = 2/3, yes-ratio 5/8 = 0.625. Exact match: 4/8 = 0.5, 2 not yes/no.
     */
    private static final List<String> ANSWERS = List.of(
            "Yes, there is a dog.", "yes", "No.", "Yes.", "There is no cat.", "no", "Yes", "Not.");

    @Test
    void officialAndExactMatchMetricsByOrder() {
        PopeScore score = PopeScorer.score(QUESTIONS, ANSWERS.stream().map(a -> new PopeAnswer(ASKED, a)).toList());

        BinaryMetrics official = score.official();
        assertThat(List.of(official.tp(), official.fp(), official.tn(), official.fn(), official.n()))
                .containsExactly(3, 2, 2, 1, 8);
        assertThat(official.accuracy()).isEqualTo(0.625);
        assertThat(official.precision()).isEqualTo(0.6);
        assertThat(official.recall()).isEqualTo(0.75);
        assertThat(official.f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(official.yesRatio()).isEqualTo(0.625);
        assertThat(score.exactMatch()).isEqualTo(new ExactMatch(new Accuracy(4, 8, 0.5), 2));
        assertThat(score.skipped().count()).isZero();
    }

    @Test
    void byIdMatchingIgnoresOrder() {
        List<PopeAnswer> shuffled = new ArrayList<>();
        for (int i = ANSWERS.size() - 1; i >= 0; i--) {
            shuffled.add(new PopeAnswer(i + 1, ASKED, ANSWERS.get(i)));
        }

        PopeScore byId = PopeScorer.score(QUESTIONS, shuffled);

        assertThat(byId).isEqualTo(PopeScorer.score(QUESTIONS, ANSWERS.stream().map(a -> new PopeAnswer(ASKED, a)).toList()));
    }

    @Test
    void byOrderReportsMissingAndExtraAnswersAsSkipped() {
        // 3 questions, 2 answers: question 3 is skipped, not counted wrong; n = 2 (tp=1 for "yes", tn=1 for "no")
        PopeScore fewer = PopeScorer.score(List.of(question(1, "yes"), question(2, "no"), question(3, "yes")),
                List.of(new PopeAnswer(ASKED, "yes"), new PopeAnswer(ASKED, "no")));
        assertThat(fewer.official()).isEqualTo(BinaryMetrics.fromCounts(1, 0, 1, 0));
        assertThat(fewer.skipped().items()).containsExactly(new Skipped("question_id 3", Skipped.NO_ANSWER));

        PopeScore more = PopeScorer.score(List.of(question(1, "yes")),
                List.of(new PopeAnswer(ASKED, "yes"), new PopeAnswer(ASKED, "no")));
        assertThat(more.official().n()).isEqualTo(1);
        assertThat(more.skipped().items()).containsExactly(new Skipped("answer 2", Skipped.UNMATCHED_ANSWER));
    }

    @Test
    void byIdReportsDuplicateUnknownAndMissingAnswers() {
        // answers: id 2 "no" (label no: tn), id 1 "yes" (label yes: tp), id 1 again, id 9 (unknown); id 3 unanswered
        PopeScore score = PopeScorer.score(List.of(question(1, "yes"), question(2, "no"), question(3, "yes")),
                List.of(new PopeAnswer(2, ASKED, "no"), new PopeAnswer(1, ASKED, "yes"),
                        new PopeAnswer(1, ASKED, "no"), new PopeAnswer(9, ASKED, "yes")));

        assertThat(score.official()).isEqualTo(BinaryMetrics.fromCounts(1, 0, 1, 0));
        assertThat(score.skipped().items()).containsExactly(
                new Skipped("question_id 1", Skipped.DUPLICATE_ANSWER),
                new Skipped("question_id 9", Skipped.UNMATCHED_ANSWER),
                new Skipped("question_id 3", Skipped.NO_ANSWER));
        assertThat(score.skipped().byReason()).containsEntry(Skipped.NO_ANSWER, 1);
    }

    @Test
    void mixedIdConventionsAreRejected() {
        assertThatThrownBy(() -> PopeScorer.score(QUESTIONS,
                List.of(new PopeAnswer(1, ASKED, "yes"), new PopeAnswer(ASKED, "no"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 of 2");
    }

    @Test
    void scoreSurvivesAJsonRoundTrip() throws Exception {
        PopeScore score = PopeScorer.score(QUESTIONS.subList(0, 3),
                List.of(new PopeAnswer(ASKED, "Yes."), new PopeAnswer(ASKED, "no")));

        String json = Json.mapper().writeValueAsString(score);

        assertThat(Json.mapper().readValue(json, PopeScore.class)).isEqualTo(score);
    }

    @Test
    void answersGivenToAnotherSplitsQuestionsAreRefusedNamingTheQuestion() {
        List<PopeAnswer> spelledOtherwise = List.of(new PopeAnswer("  is there a DOG in the image ", "yes"),
                new PopeAnswer(null, "no"));
        assertThat(PopeScorer.score(QUESTIONS.subList(0, 2), spelledOtherwise).official().n())
                .as("case, spacing, final punctuation and a missing question are fine").isEqualTo(2);

        List<PopeAnswer> otherSplit = List.of(new PopeAnswer(ASKED, "yes"),
                new PopeAnswer(2, "Is there a cat in the image?", "no"));
        assertThatThrownBy(() -> PopeScorer.score(QUESTIONS.subList(0, 2), List.of(otherSplit.get(0),
                new PopeAnswer("Is there a cat in the image?", "no"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the answer to question_id 2 was given to \"Is there a cat in the image?\", but this split "
                        + "asks \"Is there a dog in the image?\": the answers belong to another split or file");
        assertThatThrownBy(() -> PopeScorer.score(QUESTIONS, List.of(new PopeAnswer(1, ASKED, "yes"), otherSplit.get(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("question_id 2");
    }

    private static PopeQuestion question(int id, String label) {
        return new PopeQuestion(id, id + ".jpg", ASKED, label);
    }
}
