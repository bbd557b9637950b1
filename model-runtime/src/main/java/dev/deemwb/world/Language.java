package dev.deemwb.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Words shared by captions, descriptions, questions, answers and the benchmark generators. */
public final class Language {

    static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four");
    static final List<String> CELL_NAMES = List.of("top left", "top", "top right", "left", "center", "right",
            "bottom left", "bottom", "bottom right");

    private Language() {
    }

    /**
     * Every word that a caption, description, question or answer of the world can contain, found by
     * splitting the templates and the attribute names themselves (so the two cannot drift apart).
     */
    public static Set<String> words() {
        Set<String> words = new TreeSet<>();
        List<String> texts = new ArrayList<>();
        texts.addAll(Questions.TEMPLATES);
        texts.addAll(Captions.FRAMES);
        texts.addAll(CELL_NAMES);
        texts.addAll(NUMBER_WORDS);
        texts.addAll(Questions.answerWords());
        texts.add(Captions.DESCRIPTION_CONNECTORS);
        for (Shape shape : Shape.values()) {
            texts.add(shape.noun() + " " + shape.plural());
        }
        texts.forEach(text -> words.addAll(splitWords(text.replaceAll("\\{[^}]*}", " "))));
        return words;
    }

    /**
     * Lower-cased words, punctuation dropped: "Is the cross left of the circle?" → is, the, cross, …
     * Full-width forms are folded first ("ｗｈａｔ" is "what"); a word in other letters ("café",
     * "круг") stays whole, so a refusal names the word the user typed.
     */
    public static List<String> splitWords(String text) {
        String folded = foldFullWidth(text).toLowerCase(Locale.ROOT);
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * The full-width forms of ASCII (U+FF01–FF5E, as East Asian input methods type them) and the
     * ideographic space as plain ASCII. By hand rather than {@code Normalizer}: this runs on the FX
     * thread as the user types, and the normaliser's first call loads its tables there.
     */
    private static String foldFullWidth(String text) {
        StringBuilder folded = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char plain = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            if (plain != c && folded == null) {
                folded = new StringBuilder(text.substring(0, i));
            }
            if (folded != null) {
                folded.append(plain);
            }
        }
        return folded == null ? text : folded.toString();
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
