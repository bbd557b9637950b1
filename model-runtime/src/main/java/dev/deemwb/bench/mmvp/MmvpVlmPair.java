package dev.deemwb.bench.mmvp;

/**
 * Two MMVP-VLM statements about one image pair: qid {@code 2k-1} describes the pair's first image
 * (index 0), qid {@code 2k} the second (index 1). Both rows share one visual pattern.
 */
public record MmvpVlmPair(MmvpVlmStatement first, MmvpVlmStatement second) {

    /** Index of the pair's first image, the one {@link #first()} describes. */
    public static final int FIRST_IMAGE = 0;
    /** Index of the pair's second image, the one {@link #second()} describes. */
    public static final int SECOND_IMAGE = 1;

    public MmvpVlmPair {
        Pairs.requirePair("qid", first.qid(), second.qid());
        if (first.pattern() != second.pattern()) {
            throw new IllegalArgumentException("type '" + second.pattern().displayName()
                    + "' differs from the first row of its pair ('" + first.pattern().displayName() + "')");
        }
    }

    public MmvpPattern pattern() {
        return first.pattern();
    }

    /** The 1-based pair number: qid 7 and 8 are pair 4. */
    public int number() {
        return second.qid() / 2;
    }
}
