package dev.deemwb.bench;

/**
 * Validation shared by the benchmark records. It throws {@link IllegalArgumentException}, which a
 * reader turns into a {@link BenchFormatException} at the offending line (see {@link Located#build}).
 */
public final class Checks {

    private Checks() {}

    /** Rejects a missing or whitespace-only text field, naming it as the file does. */
    public static void requireNonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' is blank");
        }
    }
}
