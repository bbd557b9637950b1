package dev.deemwb.bench;

import java.util.Optional;

/**
 * DEEM's exact-match score for yes/no questions: an answer is right only if it
 * {@linkplain AnswerCleaning#exactMatch cleans} to the label. {@code notYesOrNo} counts the answers
 * that cleaned to neither yes nor no; they are wrong, and counted apart so a report can say how often
 * the model did not answer the question asked.
 */
public record ExactMatch(Accuracy accuracy, int notYesOrNo) {

    public ExactMatch {
        if (notYesOrNo < 0 || notYesOrNo > accuracy.total() - accuracy.correct()) {
            throw new IllegalArgumentException("notYesOrNo " + notYesOrNo + " exceeds the wrong answers of " + accuracy);
        }
    }

    /** Scores answers one at a time. */
    public static final class Tally {
        private final Accuracy.Tally accuracy = new Accuracy.Tally();
        private int notYesOrNo;

        public void add(YesNo label, String answer) {
            Optional<YesNo> cleaned = AnswerCleaning.exactMatch(answer);
            if (cleaned.isEmpty()) {
                notYesOrNo++;
            }
            accuracy.add(cleaned.equals(Optional.of(label)));
        }

        public ExactMatch result() {
            return new ExactMatch(accuracy.result(), notYesOrNo);
        }
    }
}
