package dev.deemwb.model;

import java.util.List;

/** A text used words the model was never taught; {@link #words()} names them. */
public final class UnknownWordsException extends IllegalArgumentException {

    private final List<String> words;

    public UnknownWordsException(List<String> words) {
        super((words.size() == 1 ? "unknown word: " : "unknown words: ") + String.join(", ", words));
        this.words = List.copyOf(words);
    }

    public List<String> words() {
        return words;
    }
}
