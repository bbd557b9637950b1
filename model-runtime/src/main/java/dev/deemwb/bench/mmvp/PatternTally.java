package dev.deemwb.bench.mmvp;

import dev.deemwb.bench.Accuracy;
import java.util.EnumMap;
import java.util.Map;

/** Pair accuracy per visual pattern, counted one pair at a time. */
final class PatternTally {

    private final Map<MmvpPattern, Accuracy.Tally> tallies = new EnumMap<>(MmvpPattern.class);

    void add(MmvpPattern pattern, boolean pairRight) {
        tallies.computeIfAbsent(pattern, p -> new Accuracy.Tally()).add(pairRight);
    }

    /** Accuracy per pattern that had at least one scored pair, in pattern order. */
    Map<MmvpPattern, Accuracy> results() {
        Map<MmvpPattern, Accuracy> results = new EnumMap<>(MmvpPattern.class);
        tallies.forEach((pattern, tally) -> results.put(pattern, tally.result()));
        return results;
    }
}
