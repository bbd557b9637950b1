package dev.deemwb.bench.mmvp;

import static dev.deemwb.bench.Checks.requireNonBlank;

/**
 * One row of MMVP-VLM's {@code Questions.csv}: {@code qid, type, statement}. The statement describes
 * one image of a pair; a CLIP-style encoder must match it to that image rather than its partner. The
 * image is {@code <type>/<qid>.jpg} in the real benchmark (the folder is the pattern's display name).
 */
public record MmvpVlmStatement(int qid, MmvpPattern pattern, String statement) {

    public MmvpVlmStatement {
        if (qid < 1) {
            throw new IllegalArgumentException("qid must be at least 1, found " + qid);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("a statement needs a visual pattern");
        }
        requireNonBlank("statement", statement);
    }

    /** {@code <qid>.<extension>}, e.g. {@code 7.jpg}. */
    public String imageFileName(String extension) {
        return qid + "." + extension;
    }
}
