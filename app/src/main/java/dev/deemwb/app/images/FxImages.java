package dev.deemwb.app.images;

import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.Image;

/**
 * The one bridge between the models' pictures ({@link BufferedImage}, toolkit-free) and JavaFX's
 * {@link Image}: every conversion in the app goes through here.
 */
public final class FxImages {

    private FxImages() {
    }

    public static Image toFx(BufferedImage image) {
        return SwingFXUtils.toFXImage(image, null);
    }

    public static BufferedImage fromFx(Image image) {
        return SwingFXUtils.fromFXImage(image, null);
    }

    /** A picture of {@code node} as laid out now; call on the FX thread. */
    public static BufferedImage snapshot(Node node) {
        return fromFx(node.snapshot(null, null));
    }
}
