package dev.deemwb.eval;

import dev.deemwb.bench.Accuracy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Cuts a run's answered records by their slices ({@link ProbeItem#slices()}): the 2×2 disagreement
 * table of two contenders (baseline and DEEM unless told), and accuracy per slice value. An item
 * counts only for the models that answered it (the run report lists the others' reasons apart).
 */
public final class Slices {

    /** The slice key MMVP items carry their pair number under; pairs are a unit, not a filter. */
    public static final String PAIR = "pair";

    private Slices() {
    }

    /** A filter on records: every record, or those whose slice {@code key} is {@code value}. */
    public record Slice(String key, String value) implements Predicate<RunRecord> {

        public static final Slice ALL = new Slice(null, null);

        @Override
        public boolean test(RunRecord record) {
            return key == null || value.equals(record.slices().get(key));
        }

        @Override
        public String toString() {
            return key == null ? "all items" : key + " = " + value;
        }
    }

    /** {@link Slice#ALL}, then every key = value the records carry (pairs excepted), in first-seen order. */
    public static List<Slice> available(List<RunRecord> records) {
        Set<Slice> slices = new LinkedHashSet<>();
        slices.add(Slice.ALL);
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (RunRecord record : records) {
            record.slices().forEach((key, value) -> {
                if (!key.equals(PAIR)) {
                    values.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
                }
            });
        }
        values.forEach((key, keyValues) -> keyValues.stream().sorted(Slices::naturalOrder)
                .forEach(value -> slices.add(new Slice(key, value))));
        return List.copyOf(slices);
    }

    /** Numbers in numeric order (severity 2 before 10), everything else alphabetically. */
    private static int naturalOrder(String a, String b) {
        boolean numbers = a.matches("\\d+") && b.matches("\\d+");
        return numbers ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    }

    /** The records of {@code slice} the mini pair both answered, by outcome (every outcome present, possibly empty). */
    public static Map<Outcome, List<RunRecord>> disagreement(List<RunRecord> records, Predicate<RunRecord> slice) {
        return disagreement(records, ComparedPair.MINI, slice);
    }

    /** The records of {@code slice} both of {@code pair} answered, by outcome (every outcome present). */
    public static Map<Outcome, List<RunRecord>> disagreement(List<RunRecord> records, ComparedPair pair,
                                                             Predicate<RunRecord> slice) {
        Map<Outcome, List<RunRecord>> cells = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            cells.put(outcome, new ArrayList<>());
        }
        for (RunRecord record : records) {
            if (pair.bothAnswered(record) && slice.test(record)) {
                cells.get(Outcome.of(record.correct(pair.first()), record.correct(pair.second()))).add(record);
            }
        }
        return cells;
    }

    /**
     * As {@link #disagreement}, but with MMVP's pairs as the unit: a model has a pair right only if it
     * has both its questions right. Each cell holds the records of its pairs; records without a pair
     * (or whose partner failed) are left out.
     */
    public static Map<Outcome, List<RunRecord>> disagreementByPair(List<RunRecord> records,
                                                                  Predicate<RunRecord> slice) {
        return disagreementByPair(records, ComparedPair.MINI, slice);
    }

    /** As {@link #disagreementByPair(List, Predicate)}, comparing {@code compared}. */
    public static Map<Outcome, List<RunRecord>> disagreementByPair(List<RunRecord> records, ComparedPair compared,
                                                                  Predicate<RunRecord> slice) {
        Map<String, List<RunRecord>> pairs = new LinkedHashMap<>();
        for (RunRecord record : records) {
            String pair = record.slices().get(PAIR);
            if (pair != null && compared.bothAnswered(record) && slice.test(record)) {
                pairs.computeIfAbsent(pair, p -> new ArrayList<>()).add(record);
            }
        }
        Map<Outcome, List<RunRecord>> cells = disagreement(List.of(), compared, slice);
        pairs.values().stream().filter(pair -> pair.size() == 2).forEach(pair -> {
            boolean first = pair.stream().allMatch(r -> r.correct(compared.first()));
            boolean second = pair.stream().allMatch(r -> r.correct(compared.second()));
            cells.get(Outcome.of(first, second)).addAll(pair);
        });
        return cells;
    }

    /** Counts of {@link #disagreement}, as a report carries them. */
    public static Map<Outcome, Integer> counts(List<RunRecord> records, ComparedPair pair, Predicate<RunRecord> slice) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        disagreement(records, pair, slice).forEach((outcome, cell) -> counts.put(outcome, cell.size()));
        return counts;
    }

    /**
     * {@code model}'s accuracy over the records it answered, grouped by the values of {@code keys} (e.g.
     * {@code [blur, 3]} for transform and severity); records missing a key are left out.
     */
    public static Map<List<String>, Accuracy> accuracyBy(List<RunRecord> records, String model, String... keys) {
        Map<List<String>, Accuracy.Tally> tallies = new LinkedHashMap<>();
        for (RunRecord record : records) {
            List<String> values = new ArrayList<>();
            for (String key : keys) {
                values.add(record.slices().get(key));
            }
            if (!record.answers().containsKey(model) || values.contains(null)) {
                continue;
            }
            tallies.computeIfAbsent(List.copyOf(values), k -> new Accuracy.Tally()).add(record.correct(model));
        }
        Map<List<String>, Accuracy> result = new LinkedHashMap<>();
        tallies.forEach((group, tally) -> result.put(group, tally.result()));
        return result;
    }
}
