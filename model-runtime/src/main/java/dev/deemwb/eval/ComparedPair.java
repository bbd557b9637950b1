package dev.deemwb.eval;

import dev.deemwb.model.Variant;

/**
 * The two contenders a run's 2×2 table and drill-down compare, by id: {@link Outcome}'s "baseline"
 * is {@code first}, its "DEEM" is {@code second}.
 */
public record ComparedPair(String first, String second) {

    /** The default: the mini baseline against mini DEEM. */
    public static final ComparedPair MINI = new ComparedPair(Variant.BASELINE.id(), Variant.DEEM.id());

    public ComparedPair {
        if (first.equals(second)) {
            throw new IllegalArgumentException("a model cannot be compared with itself ('" + first + "')");
        }
    }

    /** Whether both answered the item. */
    boolean bothAnswered(RunRecord record) {
        return record.answers().containsKey(first) && record.answers().containsKey(second);
    }
}
