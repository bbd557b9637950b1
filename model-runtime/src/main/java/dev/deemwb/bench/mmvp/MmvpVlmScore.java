package dev.deemwb.bench.mmvp;

import dev.deemwb.bench.Accuracy;
import dev.deemwb.bench.Skips;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An MMVP-VLM score. Build with {@link #of}; the canonical constructor (used by JSON readers) rejects
 * a mean that does not follow from the per-pattern accuracies.
 *
 * @param pairsByPattern    pair accuracy per visual pattern with at least one scored pair
 * @param meanPairAccuracy  the unweighted mean of those accuracies, the headline MMVP-VLM number;
 *                          0 when no pair was scored
 * @param pairs             pair accuracy over all scored pairs, whatever their pattern
 * @param skipped           statements without a choice, incomplete pairs, choices for unknown qids
 */
public record MmvpVlmScore(
        Map<MmvpPattern, Accuracy> pairsByPattern, double meanPairAccuracy, Accuracy pairs, Skips skipped) {

    public MmvpVlmScore {
        EnumMap<MmvpPattern, Accuracy> copy = new EnumMap<>(MmvpPattern.class);
        copy.putAll(pairsByPattern);
        pairsByPattern = Collections.unmodifiableMap(copy);
        if (meanPairAccuracy != mean(pairsByPattern)) {
            throw new IllegalArgumentException(
                    "meanPairAccuracy " + meanPairAccuracy + " is not the mean of " + pairsByPattern);
        }
    }

    public static MmvpVlmScore of(Map<MmvpPattern, Accuracy> pairsByPattern, Accuracy pairs, Skips skipped) {
        return new MmvpVlmScore(pairsByPattern, mean(pairsByPattern), pairs, skipped);
    }

    private static double mean(Map<MmvpPattern, Accuracy> pairsByPattern) {
        return pairsByPattern.values().stream().mapToDouble(Accuracy::fraction).average().orElse(0);
    }
}
