package dev.deemwb.bench;

import java.util.function.Supplier;

/** A place in a benchmark file (a line, a record) that can report a problem there. */
public interface Located {

    /** An exception naming this place's file and location, for {@code problem}. */
    BenchFormatException error(String problem);

    /**
     * Builds a value read from this place. Domain records validate themselves in their constructors
     * with {@link IllegalArgumentException}; that becomes a {@link BenchFormatException} here, so
     * each rule lives once, in the record, and still reports file and line.
     */
    default <T> T build(Supplier<T> builder) {
        try {
            return builder.get();
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }
}
