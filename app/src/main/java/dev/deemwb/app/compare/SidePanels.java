package dev.deemwb.app.compare;

import dev.deemwb.app.images.FxImages;
import dev.deemwb.infer.Answer;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The compare screen's two sides: for each, a picker of the contender it shows (any configured model
 * on either side), its answer card titled by that contender, and its reconstruction with a scrubber
 * over the denoising steps — or, for a contender without a diffusion decoder, a line saying so.
 */
final class SidePanels {

    private static final int RECONSTRUCTION_SIZE = 192;
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private SidePanels() {
    }

    /** The pickers, then the two answer cards side by side. */
    static VBox cards(CompareViewModel model, ObservableList<String> names, Runnable configureEndpoints) {
        HBox pickers = new HBox(8);
        HBox cards = new HBox(16);
        for (Side side : Side.values()) {
            AnswerCard card = model.card(side);
            ComboBox<String> picker = new ComboBox<>(names);
            picker.setId(side.id() + "Contender");
            picker.setTooltip(new Tooltip("The model shown on the " + side.id()));
            picker.valueProperty().bindBidirectional(card.contenderProperty());
            pickers.getChildren().addAll(new Label(side == Side.LEFT ? "compare" : "with"), picker);
            VBox box = card(card, model.answersStaleProperty());
            HBox.setHgrow(box, Priority.ALWAYS);
            cards.getChildren().add(box);
        }
        Button endpoints = new Button("Endpoints…");
        endpoints.setId("configureEndpoints");
        endpoints.setTooltip(new Tooltip("Add an OpenAI-compatible server (vLLM, Ollama, ./deemwb serve…)"));
        endpoints.setOnAction(e -> configureEndpoints.run());
        pickers.getChildren().add(endpoints);
        return new VBox(8, pickers, cards);
    }

    private static VBox card(AnswerCard card, ObservableBooleanValue stale) {
        String id = card.side().id();
        Label title = new Label();
        title.setId(id + "Title");
        title.textProperty().bind(card.titleProperty());
        title.getStyleClass().add("card-title");
        Label asked = new Label();
        asked.setId(id + "Asked");
        asked.setWrapText(true);
        asked.getStyleClass().add("asked");
        asked.textProperty().bind(Bindings.createStringBinding(() -> card.askedProperty().get().isEmpty() ? ""
                : (stale.get() ? "answers an earlier question (Enter asks the new one): " : "Q: ")
                        + card.askedProperty().get(), card.askedProperty(), stale));
        Label answer = new Label();
        answer.setId(id + "Answer");
        answer.setWrapText(true);
        answer.getStyleClass().add("answer");
        answer.textProperty().bind(card.answerProperty());
        Label verdict = verdictBand(card.verdictProperty().get());
        verdict.setId(id + "Verdict");
        card.verdictProperty().addListener((obs, old, now) -> showVerdict(verdict, now));
        Label alternatives = new Label();
        alternatives.setId(id + "Alternatives");
        alternatives.textProperty().bind(Bindings.createStringBinding(() -> format(card.alternativesProperty().get()),
                card.alternativesProperty()));
        Label latency = new Label();
        latency.setId(id + "Latency");
        latency.textProperty().bind(card.latencyProperty());
        VBox box = new VBox(4, title, asked, answer, verdict, alternatives, latency);
        box.getStyleClass().add("card");
        stale.addListener((obs, was, now) -> box.pseudoClassStateChanged(STALE, now));
        box.setPadding(new Insets(10));
        box.setPrefWidth(0); // both cards share the row equally, whatever the length of their answers
        return box;
    }

    /**
     * A verdict as a band that reads from the back of a room: the word on its colour (right, wrong),
     * never the colour alone; a verdict that cannot be given is plain text.
     */
    static Label verdictBand(AnswerCard.Verdict verdict) {
        Label band = new Label();
        band.getStyleClass().add("verdict");
        band.setMaxWidth(Double.MAX_VALUE);
        band.setWrapText(true);
        showVerdict(band, verdict);
        return band;
    }

    static void showVerdict(Label band, AnswerCard.Verdict verdict) {
        band.setText(verdict.text());
        band.getStyleClass().removeAll("right", "wrong");
        if (verdict == AnswerCard.Verdict.RIGHT || verdict == AnswerCard.Verdict.WRONG) {
            band.getStyleClass().add(verdict.name().toLowerCase(Locale.ROOT));
        }
    }

    private static String format(List<Answer.Alternative> alternatives) {
        return alternatives.stream()
                .map(a -> String.format(Locale.ROOT, "%s %.0f%%", a.word(), 100 * a.probability()))
                .collect(Collectors.joining("   "));
    }

    /** One side's reconstruction panel and its scrubber over the denoising steps. */
    record Reconstruction(VBox panel, Slider scrubber) {
    }

    static Reconstruction reconstruction(AnswerCard card) {
        String id = card.side().id();
        ImageView view = new ImageView();
        view.setId(id + "Reconstruction");
        view.setFitWidth(RECONSTRUCTION_SIZE);
        view.setFitHeight(RECONSTRUCTION_SIZE);
        view.setSmooth(false);
        Slider scrubber = new Slider(1, 1, 1);
        scrubber.setId(id + "Scrubber");
        scrubber.setMajorTickUnit(1);
        scrubber.setSnapToTicks(true);
        scrubber.setBlockIncrement(1);
        Label step = new Label();
        step.setId(id + "Step");
        step.setWrapText(true);
        step.setMaxWidth(RECONSTRUCTION_SIZE);
        step.textProperty().bind(Bindings.concat("what ", card.titleProperty(), " sees"));
        Label note = new Label();
        note.setId(id + "ReconstructionNote");
        note.setWrapText(true);
        note.setMaxWidth(RECONSTRUCTION_SIZE);
        note.textProperty().bind(card.reconstructionNoteProperty());
        // A contender without a decoder shows why, not an empty picture and a dead scrubber.
        for (var drawn : List.of(view, scrubber, step)) {
            drawn.visibleProperty().bind(card.reconstructionNoteProperty().isEmpty());
            drawn.managedProperty().bind(drawn.visibleProperty());
        }
        ObservableList<BufferedImage> previews = card.reconstruction();
        previews.addListener((ListChangeListener<BufferedImage>) change -> {
            double before = scrubber.getValue();
            scrubber.setMax(Math.max(1, previews.size()));
            scrubber.setValue(Math.max(1, previews.size()));
            if (scrubber.getValue() == before) { // else the scrubber's listener below has shown it already
                show(view, step, card, previews.size());
            }
        });
        scrubber.valueProperty().addListener((obs, old, value) -> show(view, step, card, value.intValue()));
        Label heading = new Label();
        heading.textProperty().bind(Bindings.concat("Reconstruction — ", card.titleProperty()));
        VBox panel = new VBox(6, heading, note, view, scrubber, step);
        panel.getStyleClass().add("card");
        panel.setPadding(new Insets(10));
        return new Reconstruction(panel, scrubber);
    }

    private static void show(ImageView view, Label label, AnswerCard card, int step) {
        List<BufferedImage> previews = card.reconstruction();
        if (previews.isEmpty() || step < 1) {
            view.setImage(null);
            return;
        }
        int index = Math.min(step, previews.size()) - 1;
        view.setImage(FxImages.toFx(previews.get(index)));
        label.textProperty().unbind();
        label.setText(String.format(Locale.ROOT, "step %d of %d: the %s x0 estimate", index + 1, previews.size(),
                card.titleProperty().get()));
    }
}
