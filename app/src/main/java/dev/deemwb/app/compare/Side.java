package dev.deemwb.app.compare;

/** The two sides of the compare screen, each showing the contender picked for it. */
public enum Side {
    LEFT("left", "baseline"),
    RIGHT("right", "deem");

    private final String id;
    private final String defaultContender;

    Side(String id, String defaultContender) {
        this.id = id;
        this.defaultContender = defaultContender;
    }

    /** The prefix of its nodes' ids ({@code leftAnswer}, {@code rightReconstruction}). */
    public String id() {
        return id;
    }

    /** Who it shows until the user picks another: the mini baseline on the left, mini DEEM on the right. */
    public String defaultContender() {
        return defaultContender;
    }
}
