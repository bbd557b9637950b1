package dev.deemwb.app.compare;

import java.util.Comparator;
import java.util.List;

/** Known words close to an unknown one (edit distance ≤ 2), for "did you mean …?". */
final class WordSuggestions {

    private WordSuggestions() {
    }

    static List<String> closest(String word, List<String> vocabulary) {
        return vocabulary.stream()
                .filter(known -> !known.startsWith("<"))
                .filter(known -> distance(word, known) <= 2)
                .sorted(Comparator.comparingInt((String known) -> distance(word, known)).thenComparing(known -> known))
                .limit(3)
                .toList();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
