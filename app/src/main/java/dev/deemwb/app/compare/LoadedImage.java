package dev.deemwb.app.compare;

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
 */
public record LoadedImage(BufferedImage image, String source, Optional<Scene> scene, Optional<OodShift> shift,
                          List<String> suggestedQuestions) {

    public boolean fromWorld() {
        return scene.isPresent();
    }
}
