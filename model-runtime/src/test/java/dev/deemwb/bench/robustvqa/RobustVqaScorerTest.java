package dev.deemwb.bench.robustvqa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.bench.Accuracy;
import dev.deemwb.bench.ExactMatch;
import dev.deemwb.bench.Skipped;
import dev.deemwb.io.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RobustVqaScorerTest {

    @Test
    void exactMatchAccuracyPerSplitAndOverall() throws Exception {
        Map<String, List<RobustVqaRecord>> splits = new LinkedHashMap<>();
        splits.put("imagenet_a", List.of(new RobustVqaRecord("a0.jpg", "goldfish", "shark"),
                new RobustVqaRecord("a1.jpg", "pug", "cat")));
        splits.put("imagenet_r", List.of(new RobustVqaRecord("r0.jpg", "tench", "eel")));
        List<RobustVqaQuestion> questions = new RobustVqaDataset(splits).questions();

        /*
         * By hand, with DEEM's extraction (text before the first ".", then ",", then "!"):
         * imagenet_a[0].gt    yes  "Yes."        right
         * imagenet_a[0].error no   "Maybe"       wrong, not yes/no
         * imagenet_a[1].gt    yes  "Yes, it is"  "yes": right
         * imagenet_a[1].error no   "No!"         right       -> imagenet_a 3/4 = 0.75, 1 not yes/no
         * imagenet_r[0].gt    yes  "yes"         right
         * imagenet_r[0].error no   (no answer)   skipped     -> imagenet_r 1/1 = 1.0
         * imagenet_v2[0].gt   answered, no such question: skipped
         * overall 4/5 = 0.8, 1 not yes/no
         */
        RobustVqaScore score = RobustVqaScorer.score(questions, Map.of(
                "imagenet_a[0].gt", "Yes.", "imagenet_a[0].error", "Maybe",
                "imagenet_a[1].gt", "Yes, it is", "imagenet_a[1].error", "No!",
                "imagenet_r[0].gt", "yes", "imagenet_v2[0].gt", "yes"));

        assertThat(score.bySplit()).containsExactly(
                Map.entry("imagenet_a", new ExactMatch(new Accuracy(3, 4, 0.75), 1)),
                Map.entry("imagenet_r", new ExactMatch(new Accuracy(1, 1, 1.0), 0)));
        assertThat(score.overall()).isEqualTo(new ExactMatch(new Accuracy(4, 5, 0.8), 1));
        assertThat(score.skipped().items()).containsExactly(
                new Skipped("imagenet_r[0].error", Skipped.NO_ANSWER),
                new Skipped("imagenet_v2[0].gt", Skipped.UNMATCHED_ANSWER));
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(score), RobustVqaScore.class)).isEqualTo(score);
    }

    @Test
    void aSplitWithEveryQuestionSkippedStillAppears() {
        List<RobustVqaQuestion> questions = new RobustVqaDataset(
                Map.of("imagenet_v2", List.of(new RobustVqaRecord("v.jpg", "dog", "cat")))).questions();

        RobustVqaScore score = RobustVqaScorer.score(questions, Map.of());

        assertThat(score.bySplit()).containsExactly(Map.entry("imagenet_v2", new ExactMatch(Accuracy.of(0, 0), 0)));
        assertThat(score.skipped().byReason()).containsExactly(Map.entry(Skipped.NO_ANSWER, 2));
    }
}
