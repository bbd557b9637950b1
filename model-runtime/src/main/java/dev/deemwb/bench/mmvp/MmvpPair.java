package dev.deemwb.bench.mmvp;

import java.util.Optional;

/**
 * Two MMVP questions on a CLIP-blind image pair: Index {@code 2k-1} and {@code 2k}, the same question
 * with opposite answers. A pair counts as right only if both questions are answered right.
 *
 * @param pattern the visual pattern the pair probes, when known: the real MMVP file does not say,
 *                our synthetic one does (in an extra {@code Type} column, see {@link MmvpFiles})
 */
public record MmvpPair(MmvpQuestion first, MmvpQuestion second, Optional<MmvpPattern> pattern) {

    public MmvpPair {
        Pairs.requirePair("Index", first.index(), second.index());
    }

    public MmvpPair(MmvpQuestion first, MmvpQuestion second) {
        this(first, second, Optional.empty());
    }

    /** The 1-based pair number: Index 7 and 8 are pair 4. */
    public int number() {
        return second.index() / 2;
    }
}
