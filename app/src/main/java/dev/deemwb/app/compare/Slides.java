package dev.deemwb.app.compare;

import dev.deemwb.app.images.FxImages;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * Slides for talks and papers, built from view-models rather than photographed from the screen: labels
 * and pictures only, the slide's own type size whatever the window's zoom, its own background in the
 * theme whose stylesheets it is drawn with. {@link ComparisonSlide} and {@link PairSlide} build them.
 */
public final class Slides {

    /** A 16:9 slide at 1×; it grows taller only if a long question or answer needs it. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 720;
    private static final String BASE_FONT = "-fx-font-size: 18px;";

    private Slides() {
    }

    /**
     * Lays {@code slide} out in a scene styled by {@code stylesheets} and draws it at {@code scale} (2 for
     * projectors and high-DPI screens). Call on the FX thread.
     */
    public static BufferedImage render(Supplier<Region> slide, List<String> stylesheets, double scale) {
        Region laidOut = laidOut(slide.get(), stylesheets);
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        parameters.setFill(Color.TRANSPARENT); // the slide paints its own theme background
        return FxImages.fromFx(laidOut.snapshot(parameters, null));
    }

    /** {@code slide} styled and laid out at its own size, as drawn (a scene never shown sizes nothing itself). */
    static Region laidOut(Region slide, List<String> stylesheets) {
        new Scene(slide).getStylesheets().setAll(stylesheets);
        slide.applyCss();
        double width = slide.prefWidth(-1);
        slide.resize(width, Math.max(slide.minHeight(width), slide.prefHeight(width)));
        slide.layout();
        return slide;
    }

    /** The slide's frame: its title line, its body (which takes the height left), and a footer. */
    static Region frame(String title, Node body, String footer) {
        Label heading = new Label(title);
        heading.setId("slideTitle");
        heading.getStyleClass().add("slide-question");
        heading.setWrapText(true);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label foot = new Label("DEEM Workbench · " + footer);
        foot.getStyleClass().add("caption");
        foot.setWrapText(true);
        VBox slide = new VBox(20, heading, body, foot);
        slide.getStyleClass().add("slide");
        slide.setStyle(BASE_FONT);
        slide.setPadding(new Insets(32));
        slide.setPrefWidth(WIDTH);
        slide.setMinHeight(HEIGHT);
        return slide;
    }

    /** A picture at {@code size} (its side), pixels kept sharp. */
    static ImageView picture(BufferedImage image, double size) {
        ImageView view = new ImageView(image == null ? null : FxImages.toFx(image));
        view.setFitWidth(size);
        view.setFitHeight(size);
        view.setPreserveRatio(true);
        view.setSmooth(false);
        return view;
    }

    static Label caption(String text) {
        Label caption = new Label(text);
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);
        return caption;
    }
}
