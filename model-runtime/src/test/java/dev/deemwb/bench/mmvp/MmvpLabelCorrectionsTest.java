package dev.deemwb.bench.mmvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MMVP's four known label errors, corrected as a variant only where the file is MMVP's own. */
class MmvpLabelCorrectionsTest {

    private static final MmvpOptions LONG_SHORT = new MmvpOptions("Long", "Short");
    private static final MmvpOptions STANDING_SITTING = new MmvpOptions("Standing", "Sitting");
    private static final MmvpOptions YES_NO = new MmvpOptions("Yes", "No");

    /** 140 pairs, Index 1–280, answered (a) then (b); at 99/100 and 279/280 MMVP's own questions. */
    private static List<MmvpPair> mmvpLike(String elephant) {
        List<MmvpPair> pairs = new ArrayList<>();
        for (int first = 1; first < 280; first += 2) {
            pairs.add(new MmvpPair(question(first, elephant), question(first + 1, elephant)));
        }
        return pairs;
    }

    private static MmvpQuestion question(int index, String elephant) {
        MmvpChoice correct = index % 2 == 1 ? MmvpChoice.A : MmvpChoice.B;
        if (index == 99 || index == 100) {
            return new MmvpQuestion(index, elephant, LONG_SHORT, correct);
        }
        if (index == 279 || index == 280) {
            return new MmvpQuestion(index, "Is the elderly person standing or sitting in the picture?",
                    STANDING_SITTING, correct);
        }
        return new MmvpQuestion(index, "Is the door open?", YES_NO, correct);
    }

    @Test
    void theFourAnswersAreFlippedAndScoreAsAVariant() {
        List<MmvpPair> pairs = mmvpLike("Does the elephant have long or short tusks?");
        // A model that answers what the corrected labels say.
        Map<Integer, String> answers = new LinkedHashMap<>();
        for (MmvpPair pair : pairs) {
            for (MmvpQuestion q : List.of(pair.first(), pair.second())) {
                boolean flipped = List.of(99, 100, 279, 280).contains(q.index());
                MmvpChoice said = flipped == (q.correct() == MmvpChoice.A) ? MmvpChoice.B : MmvpChoice.A;
                answers.put(q.index(), said.label() + " " + q.options().option(said));
            }
        }

        List<MmvpPair> corrected = MmvpLabelCorrections.corrected(pairs).orElseThrow();

        assertThat(corrected.get(49).first().correct()).as("Index 99").isEqualTo(MmvpChoice.B);
        assertThat(corrected.get(49).second().correct()).as("Index 100").isEqualTo(MmvpChoice.A);
        assertThat(corrected.get(139).first().correct()).as("Index 279").isEqualTo(MmvpChoice.B);
        assertThat(corrected.get(0)).isEqualTo(pairs.get(0));
        // As published: 276 of 280 questions, 138 of 140 pairs; corrected: all of them.
        MmvpScore published = MmvpScorer.score(pairs, answers);
        assertThat(published.questions().correct()).isEqualTo(276);
        assertThat(published.pairs().correct()).isEqualTo(138);
        MmvpScore fixed = MmvpScorer.score(corrected, answers);
        assertThat(fixed.questions().correct()).isEqualTo(280);
        assertThat(fixed.pairs().correct()).isEqualTo(140);
    }

    @Test
    void aFileThatIsNotMmvpsOwnGetsNoCorrectedVariant() {
        assertThat(MmvpLabelCorrections.corrected(mmvpLike("Is the elephant grey?"))).isEmpty();
        assertThat(MmvpLabelCorrections.corrected(mmvpLike("Does the elephant have long or short tusks?").subList(0, 100)))
                .as("a file without Index 279/280").isEmpty();
    }
}
