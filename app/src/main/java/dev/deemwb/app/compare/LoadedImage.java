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
 * @param modelInput         what the models see: the image at their 64×64 input size
 */
public record LoadedImage(BufferedImage image, String source, Optional<Scene> scene, Optional<OodShift> shift,
                          List<String> suggestedQuestions, BufferedImage display, BufferedImage modelInput) {

    private static final int MODEL_INPUT_SIZE = 64;

    /** Derives the display and model-input pictures: resampling work, for a background thread. */
    public static LoadedImage of(BufferedImage image, String source, Optional<Scene> scene, Optional<OodShift> shift,
                                 List<String> suggestedQuestions) {
        double scale = Math.min(1.0, (double) ImageSources.DISPLAY_SIZE / Math.max(image.getWidth(), image.getHeight()));
        BufferedImage display = scale == 1.0 ? image : ImageTensors.resize(image,
                Math.max(1, (int) Math.round(image.getWidth() * scale)),
                Math.max(1, (int) Math.round(image.getHeight() * scale)));
        BufferedImage modelInput = ImageTensors.fromChw(ImageTensors.toChw(image, MODEL_INPUT_SIZE), MODEL_INPUT_SIZE);
        return new LoadedImage(image, source, scene, shift, suggestedQuestions, display, modelInput);
    }

    public boolean fromWorld() {
        return scene.isPresent();
    }
}
