package dev.deemwb.app.compare;

import dev.deemwb.contender.Reply;
import dev.deemwb.infer.Answer;
import dev.deemwb.model.WordTokenizer;
import dev.deemwb.world.Language;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What one side's card shows: the contender picked for it, the question its answer replies to, its
 * answer (or why there is none), alternatives, latency, whether it was right, and why it has no
 * reconstruction when it cannot draw one.
 */
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

    private final Side side;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty reconstructionNote = new SimpleStringProperty("");
    private final StringProperty contender = new SimpleStringProperty();
    private final ObservableList<BufferedImage> reconstruction = FXCollections.observableArrayList();
    private final StringProperty asked = new SimpleStringProperty("");
    private final StringProperty answer = new SimpleStringProperty("");
    private final ObjectProperty<List<Answer.Alternative>> alternatives = new SimpleObjectProperty<>(List.of());
    private final StringProperty latency = new SimpleStringProperty("");
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>(Verdict.NONE);

    private static final double MIN_SHOWN_PROBABILITY = 0.005;
    private static final Set<String> SPECIAL_WORDS = Set.of(WordTokenizer.PAD, WordTokenizer.BOS, WordTokenizer.EOS);

    AnswerCard(Side side) {
        this.side = side;
        contender.set(side.defaultContender());
        title.bind(contender);
    }

    void show(String question, Reply reply, Verdict newVerdict) {
        asked.set(question);
        if (!reply.isAnswered()) {
            answer.set("(no answer: " + reply.error() + ")");
            verdict.set(Verdict.NONE);
        } else {
            answer.set(reply.text().isBlank() ? "(no answer)" : reply.text().strip());
            verdict.set(newVerdict);
        }
        alternatives.set(worthShowing(reply.alternatives()));
        latency.set(String.format(Locale.ROOT, "%.0f ms", reply.latencyMillis()));
    }

    /**
     * The alternatives a reader learns from: words (not the end-of-answer or padding markers) that the
     * model gave at least half a percent, so "0 %" never shows beside another category's words.
     */
    static List<Answer.Alternative> worthShowing(List<Answer.Alternative> alternatives) {
        return alternatives.stream()
                .filter(a -> a.probability() >= MIN_SHOWN_PROBABILITY && !SPECIAL_WORDS.contains(a.word()))
                .toList();
    }

    void clear() {
        reconstruction.clear();
        reconstructionNote.set("");
        asked.set("");
        answer.set("");
        alternatives.set(List.of());
        latency.set("");
        verdict.set(Verdict.NONE);
    }

    public Side side() {
        return side;
    }

    /** The name of the contender it shows, as its title (read-only: pick with {@link #contenderProperty()}). */
    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** The name of the contender picked for this side. */
    public StringProperty contenderProperty() {
        return contender;
    }

    /** Its contender's reconstruction, one preview per denoising step; empty when it cannot draw one. */
    public ObservableList<BufferedImage> reconstruction() {
        return reconstruction;
    }

    /** Empty while its contender draws reconstructions; else why there are none. */
    public StringProperty reconstructionNoteProperty() {
        return reconstructionNote;
    }

    /** The question the answer shown replies to; empty while there is none. */
    public ReadOnlyStringProperty askedProperty() {
        return asked;
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
