package dev.deemwb.contender;

import dev.deemwb.infer.Answer;
import java.util.List;

/**
 * A contender's reply to one question: an answer, or why there is none.
 *
 * @param alternatives  most likely first answer words; empty where the contender gives none
 *                      (see {@link Capability#TOP_ALTERNATIVES})
 * @param latencyMillis how long the request that answered it took (for in-process models, the whole batch)
 * @param usage         tokens used, when the server reports them; else null
 * @param error         why the question got no answer; null for an answer
 */
public record Reply(String text, List<Answer.Alternative> alternatives, double latencyMillis, TokenUsage usage,
                    String error) {

    public Reply {
        alternatives = List.copyOf(alternatives);
    }

    public static Reply answered(String text, List<Answer.Alternative> alternatives, double latencyMillis,
                                 TokenUsage usage) {
        return new Reply(text, alternatives, latencyMillis, usage, null);
    }

    public static Reply of(Answer answer) {
        return answered(answer.text(), answer.alternatives(), answer.latencyMillis(), null);
    }

    public static Reply failed(String error, double latencyMillis) {
        return new Reply(null, List.of(), latencyMillis, null, error);
    }

    public boolean isAnswered() {
        return error == null;
    }
}
