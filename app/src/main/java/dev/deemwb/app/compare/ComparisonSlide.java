package dev.deemwb.app.compare;

import dev.deemwb.app.images.FxImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * The comparison as a slide: the question, the image with its source and ground truth, and for each
 * side the model's name, its answer with a verdict band, and its reconstruction — built from the view
 * model, not photographed from the screen, so it holds no widgets, uses the slide's own type size
 * whatever the window's zoom, and paints its own background in the theme whose stylesheets it gets.
 */
public final class ComparisonSlide {

    /** A 16:9 slide at 1×; it grows taller only if a long question or answer needs it. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 720;
    private static final double IMAGE_SIZE = 360;
    private static final double RECONSTRUCTION_SIZE = 224;
    private static final String BASE_FONT = "-fx-font-size: 18px;";

    private ComparisonSlide() {
    }

    /**
     * Lays the comparison out in a scene styled by {@code stylesheets} and draws it at {@code scale}
     * (2 for slides shown on large or high-DPI screens). Call on the FX thread.
     */
    public static BufferedImage render(CompareViewModel model, List<String> stylesheets, double scale) {
        Region slide = laidOut(model, stylesheets);
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        parameters.setFill(Color.TRANSPARENT); // the slide paints its own theme background
        return FxImages.fromFx(slide.snapshot(parameters, null));
    }

    /** The slide styled and laid out at its own size, as drawn (a scene never shown sizes nothing itself). */
    static Region laidOut(CompareViewModel model, List<String> stylesheets) {
        Region slide = build(model);
        new Scene(slide).getStylesheets().setAll(stylesheets);
        slide.applyCss();
        double width = slide.prefWidth(-1);
        slide.resize(width, Math.max(slide.minHeight(width), slide.prefHeight(width)));
        slide.layout();
        return slide;
    }

    /** The slide's nodes: labels and pictures only. */
    private static Region build(CompareViewModel model) {
        Label question = new Label(askedQuestion(model).map(q -> "Q: " + q).orElse("No question asked yet"));
        question.setId("slideQuestion");
        question.getStyleClass().add("slide-question");
        question.setWrapText(true);

        HBox body = new HBox(24, imageColumn(model));
        for (Side side : Side.values()) {
            VBox card = sideColumn(model.card(side));
            HBox.setHgrow(card, Priority.ALWAYS);
            body.getChildren().add(card);
        }
        VBox.setVgrow(body, Priority.ALWAYS);

        Label footer = new Label("DEEM Workbench · a reconstruction redraws the image from only what the model's "
                + "image encoder kept");
        footer.getStyleClass().add("caption");
        footer.setWrapText(true);

        VBox slide = new VBox(20, question, body, footer);
        slide.getStyleClass().add("slide");
        slide.setStyle(BASE_FONT);
        slide.setPadding(new Insets(32));
        slide.setPrefWidth(WIDTH);
        slide.setMinHeight(HEIGHT);
        return slide;
    }

    private static Optional<String> askedQuestion(CompareViewModel model) {
        return Arrays.stream(Side.values()).map(side -> model.card(side).askedProperty().get()).filter(q -> !q.isEmpty()).findFirst();
    }

    private static VBox imageColumn(CompareViewModel model) {
        LoadedImage loaded = model.imageProperty().get();
        ImageView picture = new ImageView(loaded == null ? null : FxImages.toFx(loaded.display()));
        picture.setFitWidth(IMAGE_SIZE);
        picture.setFitHeight(IMAGE_SIZE);
        picture.setPreserveRatio(true);
        picture.setSmooth(false);
        Label source = new Label(loaded == null ? "no image" : loaded.source());
        source.setId("slideSource");
        source.getStyleClass().add("caption");
        source.setWrapText(true);
        source.setMaxWidth(IMAGE_SIZE);
        Label truth = new Label(model.groundTruthProperty().get());
        truth.setId("slideGroundTruth");
        truth.setWrapText(true);
        truth.setMaxWidth(IMAGE_SIZE);
        VBox column = new VBox(8, picture, source, truth);
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
            Label missing = new Label(note.isEmpty() ? "(no reconstruction drawn)" : note);
            missing.getStyleClass().add("caption");
            missing.setWrapText(true);
            return missing;
        }
        ImageView view = new ImageView(FxImages.toFx(previews.get(previews.size() - 1)));
        view.setFitWidth(RECONSTRUCTION_SIZE);
        view.setFitHeight(RECONSTRUCTION_SIZE);
        view.setSmooth(false);
        Label caption = new Label("what " + card.titleProperty().get() + " sees");
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);
        return new VBox(4, view, caption);
    }
}
