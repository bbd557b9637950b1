package dev.deemwb.bench.mmvp;

import dev.deemwb.bench.Accuracy;
import dev.deemwb.bench.Skips;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An MMVP score.
 *
 * @param questions      per-question accuracy over the answered questions
 * @param pairs          pair accuracy (both questions right) over the pairs with both answered;
 *                       the number MMVP reports
 * @param pairsByPattern pair accuracy per visual pattern, for the pairs that name one; empty for the
 *                       real file, which names none
 * @param skipped        unanswered questions, incomplete pairs and answers to unknown questions
 */
public record MmvpScore(Accuracy questions, Accuracy pairs, Map<MmvpPattern, Accuracy> pairsByPattern, Skips skipped) {

    public MmvpScore {
        EnumMap<MmvpPattern, Accuracy> copy = new EnumMap<>(MmvpPattern.class);
        copy.putAll(pairsByPattern);
        pairsByPattern = Collections.unmodifiableMap(copy);
    }
}
