package dev.deemwb.bench.mmvp;

import java.util.Locale;

/** One of the two options of an MMVP question, spelled {@code (a)} / {@code (b)} in the files. */
public enum MmvpChoice {
    A("a"),
    B("b");

    private final String letter;

    MmvpChoice(String letter) {
        this.letter = letter;
    }

    /** {@code a} or {@code b}. */
    public String letter() {
        return letter;
    }

    /** {@code (a)} or {@code (b)}, as in the {@code Correct Answer} column. */
    public String label() {
        return "(" + letter + ")";
    }

    /** Parses {@code (a)}/{@code (b)}, also {@code a}/{@code b}, ignoring case and surrounding spaces. */
    public static MmvpChoice fromLabel(String label) {
        String cleaned = label.strip().toLowerCase(Locale.ROOT);
        for (MmvpChoice choice : values()) {
            if (cleaned.equals(choice.label()) || cleaned.equals(choice.letter)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("expected (a) or (b), found '" + label + "'");
    }
}
