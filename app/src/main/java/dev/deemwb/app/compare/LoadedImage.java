package dev.deemwb.app.compare;

import dev.deemwb.model.ImageTensors;
import dev.deemwb.world.OodShift;
import dev.deemwb.world.Scene;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * The image being inspected, where it came from and — when it came from the shapes world (a sample or
 * a random scene) — the scene it shows, which gives every template question its ground truth.
 *
 * @param source             shown to the user: a file name, a sample title or "random scene, seed 42"
 * @param suggestedQuestions questions worth asking (a sample's, or the scene's templates)
 * @param display            the image fitted into {@link ImageSources#DISPLAY_SIZE}, so showing it costs the
 *                           UI thread the same for a 50-megapixel photo as for a sample
 * @param modelInput         what the models see, computed once: the image as the encoder's
 *                           {@code (3, size, size)} input ({@link ImageTensors#toChw})
 * @param modelInputSize     the side of that input, the bundle's {@code ModelConfig.imageSize}
 */
public record LoadedImage(BufferedImage image, String source, Optional<Scene> scene, Optional<OodShift> shift,
                          List<String> suggestedQuestions, BufferedImage display, float[] modelInput,
                          int modelInputSize) {

    /** Derives the display picture and the model input: resampling work, for a background thread. */
    public static LoadedImage of(BufferedImage image, String source, Optional<Scene> scene, Optional<OodShift> shift,
                                 List<String> suggestedQuestions, int modelInputSize) {
        double scale = Math.min(1.0, (double) ImageSources.DISPLAY_SIZE / Math.max(image.getWidth(), image.getHeight()));
        BufferedImage display = scale == 1.0 ? image : ImageTensors.resize(image,
                Math.max(1, (int) Math.round(image.getWidth() * scale)),
                Math.max(1, (int) Math.round(image.getHeight() * scale)));
        return new LoadedImage(image, source, scene, shift, suggestedQuestions, display,
                ImageTensors.toChw(image, modelInputSize), modelInputSize);
    }

    /** The model input as a picture, to show the user what the models see. */
    public BufferedImage modelInputPicture() {
        return ImageTensors.fromChw(modelInput, modelInputSize);
    }

    public boolean fromWorld() {
        return scene.isPresent();
    }
}
