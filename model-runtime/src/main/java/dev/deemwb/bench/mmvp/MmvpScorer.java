package dev.deemwb.bench.mmvp;

import dev.deemwb.bench.Accuracy;
import dev.deemwb.bench.Skipped;
import dev.deemwb.bench.Skips;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores free-text answers to MMVP questions. An answer is right when it picks the correct option
 * ({@link MmvpOptions#choiceNamedBy}: {@code (a)}, {@code a}, {@code (a) Open} or {@code Open}).
 *
 * <p>Nothing is dropped silently: an unanswered question is skipped ({@value Skipped#NO_ANSWER}) and
 * left out of per-question accuracy; its pair is skipped ({@value Skipped#INCOMPLETE_PAIR}) and left
 * out of pair accuracy, while its answered partner still counts per question; an answer to an Index
 * not in the benchmark is reported ({@value Skipped#UNMATCHED_ANSWER}).
 */
public final class MmvpScorer {

    private MmvpScorer() {}

    /**
     * @param answersByIndex the model's raw answer per question {@code Index}
     */
    public static MmvpScore score(List<MmvpPair> pairs, Map<Integer, String> answersByIndex) {
        Accuracy.Tally questions = new Accuracy.Tally();
        Accuracy.Tally allPairs = new Accuracy.Tally();
        PatternTally byPattern = new PatternTally();
        List<Skipped> skipped = new ArrayList<>();
        Set<Integer> indices = new HashSet<>();
        for (MmvpPair pair : pairs) {
            boolean complete = true;
            boolean bothRight = true;
            for (MmvpQuestion question : List.of(pair.first(), pair.second())) {
                indices.add(question.index());
                String answer = answersByIndex.get(question.index());
                if (answer == null) {
                    skipped.add(new Skipped("Index " + question.index(), Skipped.NO_ANSWER));
                    complete = false;
                } else {
                    boolean right = question.isAnsweredCorrectlyBy(answer);
                    questions.add(right);
                    bothRight &= right;
                }
            }
            if (!complete) {
                skipped.add(new Skipped(describe(pair), Skipped.INCOMPLETE_PAIR));
                continue;
            }
            allPairs.add(bothRight);
            boolean right = bothRight;
            pair.pattern().ifPresent(pattern -> byPattern.add(pattern, right));
        }
        answersByIndex.keySet().stream()
                .filter(index -> !indices.contains(index))
                .sorted()
                .forEach(index -> skipped.add(new Skipped("Index " + index, Skipped.UNMATCHED_ANSWER)));
        return new MmvpScore(questions.result(), allPairs.result(), byPattern.results(), Skips.of(skipped));
    }

    private static String describe(MmvpPair pair) {
        return "pair " + pair.number() + " (Index " + pair.first().index() + ", " + pair.second().index() + ")";
    }

    /**
     * For answers read from a file: refuses them when every one is exactly its question's label as the
     * {@code Correct Answer} column spells it. That is the ground truth scored against itself (MMVP's
     * own answer files keep it in {@code answer} and the model's reply in {@code response}), not a model.
     *
     * @throws IllegalArgumentException saying so
     */
    public static void requireNotTheLabels(List<MmvpPair> pairs, Map<Integer, String> answersByIndex) {
        int matched = 0;
        for (MmvpPair pair : pairs) {
            for (MmvpQuestion question : List.of(pair.first(), pair.second())) {
                String answer = answersByIndex.get(question.index());
                if (answer == null) {
                    continue;
                }
                if (!answer.strip().equals(question.correct().label())) {
                    return;
                }
                matched++;
            }
        }
        if (matched >= 2) {
            throw new IllegalArgumentException("all " + matched + " answers are exactly their question's label as the "
                    + "Correct Answer column spells it: these are the ground truth, not a model's answers (MMVP's own "
                    + "answer files keep the model's reply in 'response' and the truth in 'answer')");
        }
    }
}
