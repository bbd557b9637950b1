package dev.deemwb.bench;

/**
 * An item a scorer could not score, and why. Scorers never drop items silently: an unanswered
 * question or an answer without a question is reported as skipped, and left out of the metrics
 * (it is neither right nor wrong), so a short answer file cannot pass for a bad model or vice versa.
 *
 * @param item   which item, in the benchmark's own terms, e.g. {@code question_id 17}, {@code Index 8}
 * @param reason a short category shared across benchmarks (see the constants), so reports can
 *               count skips by reason
 */
public record Skipped(String item, String reason) {

    /** A question (or statement) with no answer. */
    public static final String NO_ANSWER = "no answer";
    /** An answer whose question is not in the benchmark (or, matched by order, an answer past the last question). */
    public static final String UNMATCHED_ANSWER = "answer matches no question";
    /** A second answer for a question that already has one; the first is scored. */
    public static final String DUPLICATE_ANSWER = "duplicate answer";
    /** A pair with at least one unanswered member; pair accuracy needs both. */
    public static final String INCOMPLETE_PAIR = "incomplete pair";
}
