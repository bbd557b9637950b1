package dev.deemwb.bench.robustvqa;

import dev.deemwb.bench.ExactMatch;
import dev.deemwb.bench.Skipped;
import dev.deemwb.bench.Skips;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores answers to RobustVQA questions with DEEM's exact-match rule
 * ({@link dev.deemwb.bench.AnswerCleaning#exactMatch}): only a clean "yes"/"no" can be right.
 *
 * <p>Nothing is dropped silently: a question without an answer is skipped ({@value Skipped#NO_ANSWER})
 * and left out of the accuracy; an answer whose id names no question is reported
 * ({@value Skipped#UNMATCHED_ANSWER}). A split whose questions were all skipped still appears, with
 * total 0.
 */
public final class RobustVqaScorer {

    private RobustVqaScorer() {}

    /**
     * @param questions         usually {@link RobustVqaDataset#questions()}
     * @param answersByQuestion the model's raw answer per {@link RobustVqaQuestion#id()}
     */
    public static RobustVqaScore score(List<RobustVqaQuestion> questions, Map<String, String> answersByQuestion) {
        Map<String, ExactMatch.Tally> bySplit = new LinkedHashMap<>();
        ExactMatch.Tally overall = new ExactMatch.Tally();
        List<Skipped> skipped = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RobustVqaQuestion question : questions) {
            ids.add(question.id());
            ExactMatch.Tally split = bySplit.computeIfAbsent(question.split(), name -> new ExactMatch.Tally());
            String answer = answersByQuestion.get(question.id());
            if (answer == null) {
                skipped.add(new Skipped(question.id(), Skipped.NO_ANSWER));
                continue;
            }
            split.add(question.expected(), answer);
            overall.add(question.expected(), answer);
        }
        answersByQuestion.keySet().stream()
                .filter(id -> !ids.contains(id))
                .sorted()
                .forEach(id -> skipped.add(new Skipped(id, Skipped.UNMATCHED_ANSWER)));
        Map<String, ExactMatch> results = new LinkedHashMap<>();
        bySplit.forEach((split, tally) -> results.put(split, tally.result()));
        return new RobustVqaScore(results, overall.result(), Skips.of(skipped));
    }
}
