package dev.deemwb.eval;

/**
 * How a benchmark's own scoring rule reads one answer.
 *
 * @param parsed  the answer as the rule understood it ({@code yes}, {@code no}, {@code (a)}, or
 *                {@link #UNPARSED} when it picks nothing)
 * @param correct whether the rule counts it right
 */
public record Judgement(String parsed, boolean correct) {

    /** The parsed form of an answer that names no option the rule accepts. */
    public static final String UNPARSED = "none";
}
