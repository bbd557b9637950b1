package dev.deemwb.world;

import java.util.List;
import java.util.Map;

/**
 * What a bundle's two models said about one gallery sample, kept in its sidecar so the gallery shows
 * the pictured result beside how typical it is: each suggested question's answers, and how the two
 * models' answers on the sample's category fall together over fresh scenes. A picture where DEEM is
 * right and the baseline wrong means little if the reverse is as common.
 *
 * @param bundle   the id of the bundle that answered
 * @param models   the two models compared, first and second
 * @param answered each suggested question, its true answer and each model's
 * @param hitRate  over fresh scenes, for the sample's category; null for samples without one
 */
public record SampleResults(String bundle, List<String> models, List<Answered> answered, HitRate hitRate) {

    public SampleResults {
        models = List.copyOf(models);
        answered = List.copyOf(answered);
    }

    /** One suggested question: the truth and, by model id, the answer. */
    public record Answered(String question, String truth, Map<String, String> answers) {
    }

    /**
     * How often, over {@code questions} questions of the category on {@code scenes} fresh scenes drawn
     * from {@code seed}, both models are right, only the first, only the second (fractions; null over none).
     */
    public record HitRate(String category, long seed, int scenes, int questions, Double bothRight, Double onlyFirst,
                          Double onlySecond) {
    }
}
