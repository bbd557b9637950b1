package dev.deemwb.app.compare;

import dev.deemwb.infer.MiniDeem;
import dev.deemwb.model.UnknownWordsException;
import dev.deemwb.model.WordTokenizer;
import java.util.List;
import java.util.Optional;

/**
 * Whether the loaded models can read a question, before it is sent: the facade's own rule
 * ({@link MiniDeem#checkQuestion}), worded for the user, with close words for each unknown one.
 */
final class QuestionCheck {

    /** Until the models have loaded there is no vocabulary to check against. */
    static final QuestionCheck BEFORE_MODELS_LOAD = new QuestionCheck(null, 0);

    /** Why a question was not sent; {@code unknownWords} are the words to mark in the field. */
    record Refusal(String message, List<String> unknownWords) {
    }

    private final WordTokenizer tokenizer;
    private final int maxPromptLength;

    QuestionCheck(WordTokenizer tokenizer, int maxPromptLength) {
        this.tokenizer = tokenizer;
        this.maxPromptLength = maxPromptLength;
    }

    Optional<Refusal> refusal(String question) {
        if (tokenizer == null) {
            return Optional.of(new Refusal("The models have not loaded yet.", List.of()));
        }
        try {
            MiniDeem.checkQuestion(question, tokenizer, maxPromptLength);
            return Optional.empty();
        } catch (UnknownWordsException e) {
            return Optional.of(new Refusal(unknownWordsMessage(e.words()), e.words()));
        } catch (IllegalArgumentException e) {
            return Optional.of(new Refusal(capitalise(e.getMessage()) + ".", List.of()));
        }
    }

    private String unknownWordsMessage(List<String> words) {
        StringBuilder message = new StringBuilder(words.size() == 1 ? "Unknown word: " : "Unknown words: ");
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            message.append(i == 0 ? "" : "; ").append('"').append(word).append('"');
            List<String> close = WordSuggestions.closest(word, tokenizer.vocabulary());
            if (!close.isEmpty()) {
                message.append(" (did you mean ").append(String.join(", ", close)).append("?)");
            }
        }
        return message.append(". The question was not sent.").toString();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
