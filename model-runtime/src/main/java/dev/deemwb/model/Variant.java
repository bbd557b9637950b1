package dev.deemwb.model;

/** The two models the workbench compares; they differ only in how their image encoder was trained. */
public enum Variant {
    /** CLIP-only: the encoder learned from captions alone. */
    BASELINE("baseline", "CLIP-only baseline"),
    /** The encoder also learned from the frozen diffusion model's reconstruction loss. */
    DEEM("deem", "DEEM");

    private final String id;
    private final String displayName;

    Variant(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }
}
