package dev.deemwb.app.compare;

import dev.deemwb.infer.Answer;
import dev.deemwb.world.QaPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Both models' answers to every template question of one scene: where they disagree, and how many
 * each got right.
 */
public record AskAll(List<Disagreement> disagreements, int questions, int baselineRight, int deemRight) {

    /** One template question where the two models answered differently. */
    public record Disagreement(String question, String truth, String baseline, String deem) {
    }

    /** {@code baseline} and {@code deem} answer {@code questions}, in the same order. */
    static AskAll of(List<QaPair> questions, List<Answer> baseline, List<Answer> deem) {
        List<Disagreement> rows = new ArrayList<>();
        int baselineRight = 0;
        int deemRight = 0;
        for (int i = 0; i < questions.size(); i++) {
            String truth = questions.get(i).answer();
            String baselineAnswer = baseline.get(i).text();
            String deemAnswer = deem.get(i).text();
            baselineRight += baselineAnswer.equals(truth) ? 1 : 0;
            deemRight += deemAnswer.equals(truth) ? 1 : 0;
            if (!baselineAnswer.equals(deemAnswer)) {
                rows.add(new Disagreement(questions.get(i).question(), truth, baselineAnswer, deemAnswer));
            }
        }
        return new AskAll(List.copyOf(rows), questions.size(), baselineRight, deemRight);
    }

    String summary() {
        return String.format(Locale.ROOT, "%d questions: baseline %d right, DEEM %d right, %d disagreements",
                questions, baselineRight, deemRight, disagreements.size());
    }
}
