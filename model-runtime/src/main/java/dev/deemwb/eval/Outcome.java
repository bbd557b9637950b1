package dev.deemwb.eval;

/**
 * Where an item falls in the 2×2 table of two contenders; named for the default pair, baseline
 * ({@link ComparedPair#first()}) versus DEEM ({@link ComparedPair#second()}).
 */
public enum Outcome {
    BOTH_RIGHT("both right"),
    ONLY_BASELINE_RIGHT("only baseline right"),
    ONLY_DEEM_RIGHT("only DEEM right"),
    BOTH_WRONG("both wrong");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Outcome of(boolean baselineRight, boolean deemRight) {
        if (baselineRight) {
            return deemRight ? BOTH_RIGHT : ONLY_BASELINE_RIGHT;
        }
        return deemRight ? ONLY_DEEM_RIGHT : BOTH_WRONG;
    }
}
