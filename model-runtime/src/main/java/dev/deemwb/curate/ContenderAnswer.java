package dev.deemwb.curate;

/**
 * A contender's answer to an item's question, kept with the item so the queue can put failures
 * first without asking again.
 *
 * @param confidence the probability the contender gave its first answer word; null when it does not say
 */
public record ContenderAnswer(String contender, String answer, Double confidence) {

    public ContenderAnswer {
        if (contender == null || contender.isBlank()) {
            throw new IllegalArgumentException("a contender answer needs the contender's name");
        }
        answer = answer == null ? "" : answer;
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
        }
    }

    /** The answer as compared with others and with the item's answer ({@link Suggestions#comparable}). */
    String normalized() {
        return Suggestions.comparable(answer);
    }
}
