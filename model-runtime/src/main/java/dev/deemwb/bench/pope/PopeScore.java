package dev.deemwb.bench.pope;

import dev.deemwb.bench.BinaryMetrics;
import dev.deemwb.bench.ExactMatch;
import dev.deemwb.bench.Skips;

/**
 * A POPE split's score, both ways the literature reports it.
 *
 * @param official   POPE's official metrics: answers parsed by
 *                   {@link dev.deemwb.bench.AnswerCleaning#popeOfficial}, yes as positive
 * @param exactMatch DEEM's variant: exact-match accuracy of the cleaned answer
 *                   ({@link dev.deemwb.bench.AnswerCleaning#exactMatch}); not-yes/no counts as wrong
 * @param skipped    questions without an answer and answers without a question; excluded from both
 */
public record PopeScore(BinaryMetrics official, ExactMatch exactMatch, Skips skipped) {}
