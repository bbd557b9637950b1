package dev.deemwb.bench.mmvp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published MMVP's known label errors, as a variant beside the labels as published: the answers
 * of Index 99 / 100 (the elephant's tusks) and 279 / 280 (the elderly person standing or sitting) are
 * reported as swapped (tsb0601/MMVP issues #14 and #30; lmms-eval applies the same correction). Applied
 * only to a file whose questions at those indices are MMVP's own; scores "as published" stay the
 * headline, since that is what papers report.
 */
public final class MmvpLabelCorrections {

    public static final String VARIANT = "labels corrected (Index 99, 100, 279, 280)";

    /** Index → the question it must ask for the correction to apply. */
    private static final Map<Integer, String> CORRECTED = Map.of(
            99, "Does the elephant have long or short tusks?",
            100, "Does the elephant have long or short tusks?",
            279, "Is the elderly person standing or sitting in the picture?",
            280, "Is the elderly person standing or sitting in the picture?");

    private MmvpLabelCorrections() {
    }

    /** The pairs with the four answers flipped, if these are MMVP's own questions; else empty. */
    public static Optional<List<MmvpPair>> corrected(List<MmvpPair> pairs) {
        int matched = 0;
        List<MmvpPair> corrected = new ArrayList<>(pairs.size());
        for (MmvpPair pair : pairs) {
            MmvpQuestion first = flippedIfKnown(pair.first());
            MmvpQuestion second = flippedIfKnown(pair.second());
            matched += (first != pair.first() ? 1 : 0) + (second != pair.second() ? 1 : 0);
            corrected.add(new MmvpPair(first, second, pair.pattern()));
        }
        return matched == CORRECTED.size() ? Optional.of(corrected) : Optional.empty();
    }

    private static MmvpQuestion flippedIfKnown(MmvpQuestion question) {
        String expected = CORRECTED.get(question.index());
        if (expected == null || !expected.equalsIgnoreCase(question.question().strip())) {
            return question;
        }
        MmvpChoice other = question.correct() == MmvpChoice.A ? MmvpChoice.B : MmvpChoice.A;
        return new MmvpQuestion(question.index(), question.question(), question.options(), other);
    }
}
