package dev.deemwb.world;

import java.util.List;

/** Words shared by captions, descriptions, questions, answers and the benchmark generators. */
public final class Language {

    static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four");
    static final List<String> CELL_NAMES = List.of("top left", "top", "top right", "left", "center", "right",
            "bottom left", "bottom", "bottom right");

    private Language() {
    }

    public static String number(int n) {
        return NUMBER_WORDS.get(n);
    }

    /** "a circle", "two circles". */
    static String countedNoun(Shape shape, int count) {
        return count == 1 ? "a " + shape.noun() : number(count) + " " + shape.plural();
    }

    /** "a", "a and b", "a, b and c". */
    static String joinList(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
