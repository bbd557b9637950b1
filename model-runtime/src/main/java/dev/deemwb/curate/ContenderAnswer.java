package dev.deemwb.curate;

import dev.deemwb.contender.Reply;
import dev.deemwb.infer.Answer;

/**
 * A contender's answer to an item's question, kept with the item so the queue can put failures
 * first without asking again.
 *
 * @param confidence the probability the contender gave its first answer word; null when it does not say
 * @param error why the contender gave no answer (the answer is then empty); null for an answer
 */
public record ContenderAnswer(String contender, String answer, Double confidence, String error) {

    public ContenderAnswer {
        if (contender == null || contender.isBlank()) {
            throw new IllegalArgumentException("a contender answer needs the contender's name");
        }
        answer = answer == null ? "" : answer;
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
        }
    }

    public ContenderAnswer(String contender, String answer, Double confidence) {
        this(contender, answer, confidence, null);
    }

    /**
     * A reply as kept with an item: its text, or for a failed reply the reason, and the probability of
     * its first word when the contender listed its alternatives.
     */
    public static ContenderAnswer of(String contender, Reply reply) {
        if (!reply.isAnswered()) {
            return new ContenderAnswer(contender, "", null, reply.error());
        }
        String first = reply.text().strip().split("\\s+")[0].replaceAll("[.!?,;:]+$", "");
        Double confidence = reply.alternatives().stream().filter(a -> a.word().equalsIgnoreCase(first))
                .map(Answer.Alternative::probability).findFirst().orElse(null);
        return new ContenderAnswer(contender, reply.text(), confidence);
    }

    public boolean failed() {
        return error != null;
    }

    /** The answer as compared with others and with the item's answer ({@link Suggestions#comparable}). */
    String normalized() {
        return Suggestions.comparable(answer);
    }
}
