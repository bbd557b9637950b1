package dev.deemwb.world;

import java.util.Objects;

/** One out-of-distribution transform at one severity (1 = mild … 5 = severe). */
public record OodShift(OodTransform transform, int severity) {

    public static final int MAX_SEVERITY = 5;

    public OodShift {
        Objects.requireNonNull(transform, "transform");
        if (severity < 1 || severity > MAX_SEVERITY) {
            throw new IllegalArgumentException("severity must be 1.." + MAX_SEVERITY + ", was " + severity);
        }
    }

    /** Severity as a fraction 0.2..1.0, the scale every transform's strength is set from. */
    double strength() {
        return severity / (double) MAX_SEVERITY;
    }

    @Override
    public String toString() {
        return transform.id() + "@" + severity;
    }
}
