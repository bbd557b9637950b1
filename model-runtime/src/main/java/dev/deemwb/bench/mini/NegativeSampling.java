package dev.deemwb.bench.mini;

import java.util.Locale;

/** POPE's three ways of choosing the objects asked about that are not in the image. */
public enum NegativeSampling {
    /** Uniformly among all absent objects. */
    RANDOM,
    /** The absent objects that are most frequent in the whole image set. */
    POPULAR,
    /** The absent objects that co-occur most often with the objects that are present. */
    ADVERSARIAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
