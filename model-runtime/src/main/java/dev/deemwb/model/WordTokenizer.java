package dev.deemwb.model;

import dev.deemwb.world.Language;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A closed word vocabulary. Ids 0..2 are the special tokens; every other id is one word. A text with
 * a word outside the vocabulary is refused, naming the words, never mapped to an "unknown" token —
 * the models would answer something, and the user would not know why.
 */
public final class WordTokenizer {

    public static final String PAD = "<pad>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";
    public static final int PAD_ID = 0;
    public static final int BOS_ID = 1;
    public static final int EOS_ID = 2;

    private final List<String> words;
    private final Map<String, Integer> ids = new HashMap<>();

    /** @param vocabulary the words, specials first, in id order (as stored in a bundle's manifest) */
    public WordTokenizer(List<String> vocabulary) {
        if (vocabulary.size() < 3 || !vocabulary.subList(0, 3).equals(List.of(PAD, BOS, EOS))) {
            throw new IllegalArgumentException("a vocabulary starts with " + List.of(PAD, BOS, EOS));
        }
        this.words = List.copyOf(vocabulary);
        for (int i = 0; i < words.size(); i++) {
            if (ids.put(words.get(i), i) != null) {
                throw new IllegalArgumentException("the vocabulary lists '" + words.get(i) + "' twice");
            }
        }
    }

    /** The vocabulary of the shapes world plus the words of {@code extraTexts}. */
    public static WordTokenizer forWorld(Collection<String> extraTexts) {
        Set<String> vocabulary = new LinkedHashSet<>(List.of(PAD, BOS, EOS));
        vocabulary.addAll(Language.words());
        extraTexts.forEach(text -> vocabulary.addAll(Language.splitWords(text)));
        return new WordTokenizer(new ArrayList<>(vocabulary));
    }

    public List<String> vocabulary() {
        return words;
    }

    public int size() {
        return words.size();
    }

    /** The words of {@code text} that this vocabulary lacks, in order of appearance, each once. */
    public List<String> unknownWords(String text) {
        return Language.splitWords(text).stream().filter(w -> !ids.containsKey(w)).distinct().toList();
    }

    /** @throws UnknownWordsException if any word is outside the vocabulary */
    public int[] encode(String text) {
        List<String> unknown = unknownWords(text);
        if (!unknown.isEmpty()) {
            throw new UnknownWordsException(unknown);
        }
        return Language.splitWords(text).stream().mapToInt(ids::get).toArray();
    }

    public String word(int id) {
        return words.get(id);
    }

    /** Words for ids, stopping at the first {@code <eos>} and skipping padding. */
    public String decode(int[] tokenIds) {
        List<String> out = new ArrayList<>();
        for (int id : tokenIds) {
            if (id == EOS_ID) {
                break;
            }
            if (id != PAD_ID && id != BOS_ID) {
                out.add(words.get(id));
            }
        }
        return String.join(" ", out);
    }
}
