package dev.deemwb.bench.robustvqa;

import dev.deemwb.bench.ExactMatch;
import dev.deemwb.bench.Skips;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A RobustVQA score: DEEM's exact-match accuracy per split (the paper's RobustVQA-A/R/V numbers),
 * and over all scored questions.
 *
 * @param bySplit per split, in the dataset's order
 * @param overall over every scored question of every split (micro-averaged)
 * @param skipped unanswered questions and answers to unknown question ids
 */
public record RobustVqaScore(Map<String, ExactMatch> bySplit, ExactMatch overall, Skips skipped) {

    public RobustVqaScore {
        bySplit = Collections.unmodifiableMap(new LinkedHashMap<>(bySplit));
    }
}
