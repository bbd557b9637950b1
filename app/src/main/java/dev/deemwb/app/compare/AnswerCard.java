package dev.deemwb.app.compare;

import dev.deemwb.infer.Answer;
import dev.deemwb.model.Variant;
import dev.deemwb.world.Language;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What one model's card shows: its answer, alternatives, latency and whether it was right. */
public final class AnswerCard {

    /** Whether the answer matched the ground truth, or why that cannot be said. */
    public enum Verdict {
        NONE(""),
        RIGHT("right"),
        WRONG("wrong"),
        NO_GROUND_TRUTH("no ground truth for this question"),
        OUT_OF_WORLD("not a shapes-world image: out of distribution");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        /** An answer against the ground truth, if the image is from the world and the question has one. */
        static Verdict of(boolean fromWorld, Optional<String> truth, String answer) {
            if (!fromWorld) {
                return OUT_OF_WORLD;
            }
            return truth.map(t -> String.join(" ", Language.splitWords(answer)).equals(t) ? RIGHT : WRONG)
                    .orElse(NO_GROUND_TRUTH);
        }

        public String text() {
            return text;
        }
    }

    private final Variant variant;
    private final StringProperty answer = new SimpleStringProperty("");
    private final ObjectProperty<List<Answer.Alternative>> alternatives = new SimpleObjectProperty<>(List.of());
    private final StringProperty latency = new SimpleStringProperty("");
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>(Verdict.NONE);

    AnswerCard(Variant variant) {
        this.variant = variant;
    }

    void show(Answer result, Verdict newVerdict) {
        answer.set(result.text().isEmpty() ? "(no answer)" : result.text());
        alternatives.set(result.alternatives());
        latency.set(String.format(Locale.ROOT, "%.0f ms", result.latencyMillis()));
        verdict.set(newVerdict);
    }

    void clear() {
        answer.set("");
        alternatives.set(List.of());
        latency.set("");
        verdict.set(Verdict.NONE);
    }

    public Variant variant() {
        return variant;
    }

    public StringProperty answerProperty() {
        return answer;
    }

    public ObjectProperty<List<Answer.Alternative>> alternativesProperty() {
        return alternatives;
    }

    public StringProperty latencyProperty() {
        return latency;
    }

    public ObjectProperty<Verdict> verdictProperty() {
        return verdict;
    }
}
