package dev.deemwb.bench;

/** A yes/no label or a parsed yes/no answer. */
public enum YesNo {
    YES("yes"),
    NO("no");

    private final String label;

    YesNo(String label) {
        this.label = label;
    }

    /** The label as the benchmark files spell it: {@code yes} or {@code no}. */
    public String label() {
        return label;
    }

    /**
     * Parses a label exactly as the files spell it; anything else (including {@code Yes}) is
     * rejected, because a label is ground truth and must not be guessed.
     */
    public static YesNo fromLabel(String label) {
        for (YesNo value : values()) {
            if (value.label.equals(label)) {
                return value;
            }
        }
        throw new IllegalArgumentException("label must be 'yes' or 'no', found '" + label + "'");
    }
}
