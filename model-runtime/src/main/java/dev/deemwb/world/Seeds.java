package dev.deemwb.world;

/** Derives independent, reproducible seeds (for item i of a data set drawn from one seed). */
public final class Seeds {

    private Seeds() {
    }

    /** SplitMix64 finaliser of (seed, index): neighbouring indices give unrelated seeds. */
    public static long derive(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
