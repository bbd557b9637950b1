package dev.deemwb.eval;

/** Where an item falls in the baseline-versus-DEEM 2×2 table. */
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
