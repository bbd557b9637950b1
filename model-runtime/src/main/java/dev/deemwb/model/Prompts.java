package dev.deemwb.model;

import java.util.Arrays;

/**
 * How text is laid out for the language model: {@code question words, <bos>, answer words, <eos>}.
 * {@code <bos>} marks where the answer begins; a caption is an answer to the empty question.
 */
public final class Prompts {

    private Prompts() {
    }

    /** The ids the model reads before it starts answering. */
    public static int[] question(WordTokenizer tokenizer, String question) {
        int[] words = tokenizer.encode(question);
        int[] ids = Arrays.copyOf(words, words.length + 1);
        ids[words.length] = WordTokenizer.BOS_ID;
        return ids;
    }

    /**
     * A teacher-forcing example: the model reads {@code input} and is scored on predicting
     * {@code target} where {@code scored} is set (the answer words and the closing {@code <eos>}).
     */
    public record Example(int[] input, int[] target, boolean[] scored) {
    }

    public static Example example(WordTokenizer tokenizer, String question, String answer) {
        int[] prefix = question(tokenizer, question);
        int[] answerIds = tokenizer.encode(answer);
        int length = prefix.length + answerIds.length;
        int[] full = new int[length + 1];
        System.arraycopy(prefix, 0, full, 0, prefix.length);
        System.arraycopy(answerIds, 0, full, prefix.length, answerIds.length);
        full[length] = WordTokenizer.EOS_ID;
        int[] input = Arrays.copyOf(full, length);
        int[] target = Arrays.copyOfRange(full, 1, length + 1);
        boolean[] scored = new boolean[length];
        for (int i = prefix.length - 1; i < length; i++) {
            scored[i] = true;
        }
        return new Example(input, target, scored);
    }
}
