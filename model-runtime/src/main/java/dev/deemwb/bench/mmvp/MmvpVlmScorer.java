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
 * Scores an image encoder on MMVP-VLM. For each statement the encoder picks the image of the pair it
 * matches better (index {@link MmvpVlmPair#FIRST_IMAGE} or {@link MmvpVlmPair#SECOND_IMAGE}); a pair
 * is right only if both statements pick their own image, as in MMVP's evaluation.
 *
 * <p>Nothing is dropped silently: a statement without a choice is skipped
 * ({@value Skipped#NO_ANSWER}) and so is its pair ({@value Skipped#INCOMPLETE_PAIR}); a choice for a
 * qid not in the benchmark is reported ({@value Skipped#UNMATCHED_ANSWER}).
 */
public final class MmvpVlmScorer {

    private MmvpVlmScorer() {}

    /**
     * @param chosenImageByQid for each statement's qid, the index (0 or 1) of the image the encoder matched
     * @throws IllegalArgumentException if a choice is neither 0 nor 1
     */
    public static MmvpVlmScore score(List<MmvpVlmPair> pairs, Map<Integer, Integer> chosenImageByQid) {
        chosenImageByQid.forEach((qid, image) -> {
            if (image != MmvpVlmPair.FIRST_IMAGE && image != MmvpVlmPair.SECOND_IMAGE) {
                throw new IllegalArgumentException("qid " + qid + ": chosen image must be 0 or 1, found " + image);
            }
        });
        Accuracy.Tally allPairs = new Accuracy.Tally();
        PatternTally byPattern = new PatternTally();
        List<Skipped> skipped = new ArrayList<>();
        Set<Integer> qids = new HashSet<>();
        for (MmvpVlmPair pair : pairs) {
            qids.add(pair.first().qid());
            qids.add(pair.second().qid());
            Integer firstChoice = choice(pair.first(), chosenImageByQid, skipped);
            Integer secondChoice = choice(pair.second(), chosenImageByQid, skipped);
            if (firstChoice == null || secondChoice == null) {
                skipped.add(new Skipped("pair " + pair.number() + " (qid " + pair.first().qid() + ", "
                        + pair.second().qid() + ")", Skipped.INCOMPLETE_PAIR));
                continue;
            }
            boolean right = firstChoice == MmvpVlmPair.FIRST_IMAGE && secondChoice == MmvpVlmPair.SECOND_IMAGE;
            allPairs.add(right);
            byPattern.add(pair.pattern(), right);
        }
        chosenImageByQid.keySet().stream()
                .filter(qid -> !qids.contains(qid))
                .sorted()
                .forEach(qid -> skipped.add(new Skipped("qid " + qid, Skipped.UNMATCHED_ANSWER)));
        return MmvpVlmScore.of(byPattern.results(), allPairs.result(), Skips.of(skipped));
    }

    private static Integer choice(MmvpVlmStatement statement, Map<Integer, Integer> chosenImageByQid,
            List<Skipped> skipped) {
        Integer choice = chosenImageByQid.get(statement.qid());
        if (choice == null) {
            skipped.add(new Skipped("qid " + statement.qid(), Skipped.NO_ANSWER));
        }
        return choice;
    }
}
