package dev.deemwb.app.compare;

import dev.deemwb.bench.Csv;
import dev.deemwb.contender.Reply;
import dev.deemwb.world.Language;
import dev.deemwb.world.QaPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Both sides' answers to every template question of one scene: where they disagree, and how many
 * each got right.
 */
public record AskAll(List<Disagreement> disagreements, int questions, String firstName, int firstRight,
                     String secondName, int secondRight) {

    /** One template question where the two contenders answered differently. */
    public record Disagreement(String question, String truth, String first, String second) {
    }

    /** {@code first} and {@code second} answer {@code questions}, in the same order. */
    static AskAll of(List<QaPair> questions, String firstName, List<Reply> first, String secondName,
                     List<Reply> second) {
        List<Disagreement> rows = new ArrayList<>();
        int firstRight = 0;
        int secondRight = 0;
        for (int i = 0; i < questions.size(); i++) {
            String truth = questions.get(i).answer();
            String firstAnswer = text(first.get(i));
            String secondAnswer = text(second.get(i));
            firstRight += firstAnswer.equals(truth) ? 1 : 0;
            secondRight += secondAnswer.equals(truth) ? 1 : 0;
            if (!firstAnswer.equals(secondAnswer)) {
                rows.add(new Disagreement(questions.get(i).question(), truth, firstAnswer, secondAnswer));
            }
        }
        return new AskAll(List.copyOf(rows), questions.size(), firstName, firstRight, secondName, secondRight);
    }

    /** The answer's words as the ground truth is written, or why there is none. */
    private static String text(Reply reply) {
        return reply.isAnswered() ? String.join(" ", Language.splitWords(reply.text())) : "(" + reply.error() + ")";
    }

    /** The disagreements as CSV: question, truth, each side's answer and whether it was right. */
    public String csv() {
        List<List<String>> rows = disagreements.stream().map(d -> List.of(d.question(), d.truth(), d.first(),
                verdict(d.first(), d.truth()), d.second(), verdict(d.second(), d.truth()))).toList();
        return Csv.format(List.of("question", "truth", firstName, firstName + " verdict", secondName,
                secondName + " verdict"), rows);
    }

    /** "right" or "wrong": an answer against the truth, both written as the ground truth is. */
    public static String verdict(String answer, String truth) {
        return answer.equals(truth) ? "right" : "wrong";
    }

    String summary() {
        return String.format(Locale.ROOT, "%d questions: %s %d right, %s %d right, %d disagreements",
                questions, firstName, firstRight, secondName, secondRight, disagreements.size());
    }
}
