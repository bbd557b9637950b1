package dev.deemwb.contender;

/** What a contender can do beyond nothing; views and commands adapt to what is declared. */
public enum Capability {
    /** Answers a question about an image. */
    ANSWER,
    /**
     * Also gives its most likely first answer words with their probabilities: the mini models always,
     * an endpoint when its server reports log-probabilities (a reply without them has none).
     */
    TOP_ALTERNATIVES,
    /** Redraws what its image encoder kept (a diffusion reconstruction). */
    RECONSTRUCTION
}
