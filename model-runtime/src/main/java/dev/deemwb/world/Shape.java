package dev.deemwb.world;

import java.util.Locale;

/** The object kinds of the shapes world. Only triangles have an orientation. */
public enum Shape {
    CIRCLE("circle", "circles"),
    SQUARE("square", "squares"),
    TRIANGLE("triangle", "triangles"),
    DIAMOND("diamond", "diamonds"),
    CROSS("cross", "crosses"),
    STAR("star", "stars"),
    HEART("heart", "hearts"),
    CRESCENT("crescent", "crescents");

    private final String noun;
    private final String plural;

    Shape(String noun, String plural) {
        this.noun = noun;
        this.plural = plural;
    }

    public String noun() {
        return noun;
    }

    public String plural() {
        return plural;
    }

    public boolean hasOrientation() {
        return this == TRIANGLE;
    }

    /** Parses a noun ("circle") or plural ("circles"), case-insensitively. */
    public static Shape fromNoun(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (Shape s : values()) {
            if (s.noun.equals(w) || s.plural.equals(w)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown shape '" + word + "'");
    }
}
