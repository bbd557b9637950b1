package dev.deemwb.bench.mmvp;

import static dev.deemwb.bench.Checks.requireNonBlank;

/**
 * One row of MMVP's {@code Questions.csv}: {@code Index, Question, Options, Correct Answer}.
 * The row's image is {@code <Index>.jpg} in the real benchmark and {@code <Index>.png} in ours, so the
 * extension is the caller's (see {@link #imageFileName} and {@link MmvpFiles#resolveImage}).
 */
public record MmvpQuestion(int index, String question, MmvpOptions options, MmvpChoice correct) {

    public MmvpQuestion {
        if (index < 1) {
            throw new IllegalArgumentException("Index must be at least 1, found " + index);
        }
        requireNonBlank("Question", question);
        if (options == null || correct == null) {
            throw new IllegalArgumentException("a question needs options and a correct answer");
        }
    }

    /** The text put to the model, as MMVP's evaluation builds it: the question, a space, the options. */
    public String prompt() {
        return question + " " + options.text();
    }

    /** {@code <Index>.<extension>}, e.g. {@code 7.jpg}. */
    public String imageFileName(String extension) {
        return index + "." + extension;
    }

    /** Whether a free-text answer picks the correct option (see {@link MmvpOptions#choiceNamedBy}). */
    public boolean isAnsweredCorrectlyBy(String answer) {
        return options.choiceNamedBy(answer).filter(correct::equals).isPresent();
    }
}
