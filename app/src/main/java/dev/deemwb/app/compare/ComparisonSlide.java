package dev.deemwb.app.compare;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The compare screen as a slide (see {@link Slides}): the question, the image with its source and
 * ground truth, and for each side the model's name, its answer with a verdict band, and its
 * reconstruction.
 */
public final class ComparisonSlide {

    private static final double IMAGE_SIZE = 360;
    private static final double RECONSTRUCTION_SIZE = 224;

    private ComparisonSlide() {
    }

    public static Region of(CompareViewModel model) {
        HBox body = new HBox(24, imageColumn(model));
        for (Side side : Side.values()) {
            VBox card = sideColumn(model.card(side));
            HBox.setHgrow(card, Priority.ALWAYS);
            body.getChildren().add(card);
        }
        return Slides.frame(askedQuestion(model).map(q -> "Q: " + q).orElse("No question asked yet"), body,
                "a reconstruction redraws the image from only what the model's image encoder kept");
    }

    private static Optional<String> askedQuestion(CompareViewModel model) {
        return Arrays.stream(Side.values()).map(side -> model.card(side).askedProperty().get())
                .filter(q -> !q.isEmpty()).findFirst();
    }

    private static VBox imageColumn(CompareViewModel model) {
        LoadedImage loaded = model.imageProperty().get();
        Label source = Slides.caption(loaded == null ? "no image" : loaded.source());
        source.setId("slideSource");
        source.setMaxWidth(IMAGE_SIZE);
        Label truth = new Label(model.groundTruthProperty().get());
        truth.setId("slideGroundTruth");
        truth.setWrapText(true);
        truth.setMaxWidth(IMAGE_SIZE);
        VBox column = new VBox(8, Slides.picture(loaded == null ? null : loaded.display(), IMAGE_SIZE), source, truth);
        column.setMinWidth(IMAGE_SIZE);
        return column;
    }

    private static VBox sideColumn(AnswerCard card) {
        String id = "slide" + card.side().id().substring(0, 1).toUpperCase(Locale.ROOT) + card.side().id().substring(1);
        Label name = new Label(card.titleProperty().get());
        name.setId(id + "Title");
        name.getStyleClass().add("card-title");
        name.setWrapText(true);
        Label answer = new Label(card.answerProperty().get().isEmpty() ? "(not asked)" : card.answerProperty().get());
        answer.setId(id + "Answer");
        answer.getStyleClass().add("answer");
        answer.setWrapText(true);
        Label verdict = SidePanels.verdictBand(card.verdictProperty().get());
        verdict.setId(id + "Verdict");
        VBox column = new VBox(10, name, answer, verdict, reconstruction(card));
        column.getStyleClass().add("card");
        column.setPadding(new Insets(16));
        column.setAlignment(Pos.TOP_LEFT);
        column.setPrefWidth(0); // the two sides share the width equally, whatever their answers' lengths
        return column;
    }

    private static Node reconstruction(AnswerCard card) {
        List<BufferedImage> previews = card.reconstruction();
        String note = card.reconstructionNoteProperty().get();
        if (!note.isEmpty() || previews.isEmpty()) {
            return Slides.caption(note.isEmpty() ? "(no reconstruction drawn)" : note);
        }
        return new VBox(4, Slides.picture(previews.get(previews.size() - 1), RECONSTRUCTION_SIZE),
                Slides.caption("what " + card.titleProperty().get() + " sees"));
    }
}
