package dev.deemwb.world;

/** Where a triangle's apex points. */
public enum Orientation {
    UP("up", 0),
    RIGHT("right", 90),
    DOWN("down", 180),
    LEFT("left", 270);

    private final String word;
    private final int degreesClockwiseFromUp;

    Orientation(String word, int degreesClockwiseFromUp) {
        this.word = word;
        this.degreesClockwiseFromUp = degreesClockwiseFromUp;
    }

    public String word() {
        return word;
    }

    public int degreesClockwiseFromUp() {
        return degreesClockwiseFromUp;
    }
}
