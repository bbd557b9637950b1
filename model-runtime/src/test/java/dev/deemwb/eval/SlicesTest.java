package dev.deemwb.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.bench.Accuracy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slicing hand-made records, with every count worked out by hand. */
class SlicesTest {

    /** In the order real items carry them (Map.of's order changes from run to run). */
    private static Map<String, String> slices(String transform, String severity, String pair) {
        Map<String, String> slices = new LinkedHashMap<>();
        slices.put("transform", transform);
        slices.put("severity", severity);
        slices.put("pair", pair);
        return slices;
    }

    private static RunRecord record(String id, boolean baseline, boolean deem, Map<String, String> slices) {
        return new RunRecord(id, id + ".png", "q", "yes", slices, Map.of(
                "baseline", new RunRecord.ModelAnswer("a", "a", baseline),
                "deem", new RunRecord.ModelAnswer("a", "a", deem)), null);
    }

    private static RunRecord failed(String id, Map<String, String> slices) {
        return new RunRecord(id, id + ".png", "q", "yes", slices, Map.of(), "image: gone");
    }

    private static final List<RunRecord> RECORDS = List.of(
            record("1", true, true, slices("blur", "10", "1")),
            record("2", true, false, slices("blur", "2", "1")),
            record("3", false, true, slices("noise", "2", "2")),
            record("4", false, true, slices("noise", "2", "2")),
            record("5", false, false, slices("blur", "2", "3")),
            failed("6", slices("blur", "2", "3")));

    @Test
    void theTwoByTwoTableCountsAnsweredItemsOfTheSlice() {
        assertThat(Slices.counts(RECORDS, ComparedPair.MINI, Slices.Slice.ALL)).containsExactly(
                Map.entry(Outcome.BOTH_RIGHT, 1), Map.entry(Outcome.ONLY_BASELINE_RIGHT, 1),
                Map.entry(Outcome.ONLY_DEEM_RIGHT, 2), Map.entry(Outcome.BOTH_WRONG, 1));
        assertThat(Slices.disagreement(RECORDS, new Slices.Slice("transform", "blur")).get(Outcome.BOTH_WRONG))
                .extracting(RunRecord::id).containsExactly("5");
    }

    @Test
    void pairsCountOnlyWhenBothQuestionsAreRightAndIncompletePairsAreLeftOut() {
        Map<Outcome, List<RunRecord>> cells = Slices.disagreementByPair(RECORDS, Slices.Slice.ALL);

        assertThat(cells.get(Outcome.ONLY_BASELINE_RIGHT)).extracting(RunRecord::id).containsExactly("1", "2");
        assertThat(cells.get(Outcome.ONLY_DEEM_RIGHT)).extracting(RunRecord::id).containsExactly("3", "4");
        assertThat(cells.get(Outcome.BOTH_RIGHT)).isEmpty();
        assertThat(cells.get(Outcome.BOTH_WRONG)).isEmpty(); // pair 3 lost a member to an error
    }

    @Test
    void availableSlicesListNumbersInNumericOrderAndNeverPairs() {
        assertThat(Slices.available(RECORDS)).extracting(Slices.Slice::toString).containsExactly("all items",
                "transform = blur", "transform = noise", "severity = 2", "severity = 10");
    }

    @Test
    void accuracyByGroupsTheAnsweredRecordsOfEachValueCombination() {
        assertThat(Slices.accuracyBy(RECORDS, "deem", "transform", "severity")).containsExactly(
                Map.entry(List.of("blur", "10"), Accuracy.of(1, 1)), Map.entry(List.of("blur", "2"), Accuracy.of(0, 2)),
                Map.entry(List.of("noise", "2"), Accuracy.of(2, 2)));
    }
}
