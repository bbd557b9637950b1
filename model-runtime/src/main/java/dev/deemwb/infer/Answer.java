package dev.deemwb.infer;

import java.util.List;

/**
 * A model's answer: the greedily decoded text, the most likely first answer words with their
 * probabilities, and how long the request took.
 */
public record Answer(String text, List<Alternative> alternatives, double latencyMillis) {

    /** One candidate first word and the probability the model gave it. */
    public record Alternative(String word, double probability) {
    }
}
