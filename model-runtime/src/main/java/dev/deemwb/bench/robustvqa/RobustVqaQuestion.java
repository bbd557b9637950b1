package dev.deemwb.bench.robustvqa;

import dev.deemwb.bench.YesNo;

/**
 * One of the two yes/no questions a {@link RobustVqaRecord} yields: about its true caption (answer
 * yes) or its error caption (answer no).
 *
 * @param split       the split the record is in, e.g. {@code imagenet_r}
 * @param recordIndex the record's 0-based index in its split
 * @param fileName    the record's image
 * @param caption     the caption asked about
 * @param expected    {@link YesNo#YES} for the true caption, {@link YesNo#NO} for the error caption
 */
public record RobustVqaQuestion(String split, int recordIndex, String fileName, String caption, YesNo expected) {

    /**
     * DEEM's question, verbatim. "anwser" is misspelled in the original; keeping it keeps our numbers
     * comparable with the paper's.
     */
    public static final String PROMPT_TEMPLATE = "Is %s the main object in this image? Please anwser yes or no";

    /** The question put to the model. */
    public String prompt() {
        return promptFor(caption);
    }

    public static String promptFor(String caption) {
        return String.format(PROMPT_TEMPLATE, caption);
    }

    /**
     * A stable id that names the record and the caption, e.g. {@code imagenet_r[3].gt} or
     * {@code imagenet_r[3].error}; answers are keyed by it.
     */
    public String id() {
        return split + "[" + recordIndex + "]." + (expected == YesNo.YES ? "gt" : "error");
    }
}
