package dev.deemwb.eval;

import dev.deemwb.infer.MiniDeem;
import dev.deemwb.model.ImageTensors;
import dev.deemwb.model.Variant;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneRenderer;
import dev.deemwb.world.Seeds;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much each model's reconstruction depends on what its encoder kept. Each fresh scene is
 * reconstructed from partial noise twice: conditioned on its own tokens and on the next scene's. The
 * error is the mean squared difference (images in [-1, 1]) to the clean image on the objects' pixels
 * only — the background would dominate a whole-image error. A real conditioning gap means the wrong
 * tokens draw clearly worse objects: {@code gap = error(other) / error(true)}.
 */
public final class ReconstructionProbe {

    private final MiniDeem models;

    public ReconstructionProbe(MiniDeem models) {
        this.models = models;
    }

    public record Result(double trueTokensError, double otherTokensError, double gap, int scenes,
                         float noiseFraction, int steps) {
    }

    public Map<String, Result> run(long seed, int sceneCount, float noiseFraction, int steps) {
        SceneGenerator generator = new SceneGenerator();
        SceneRenderer renderer = new SceneRenderer();
        int size = models.models().config().imageSize();
        int small = models.models().config().diffusionSize();
        List<Scene> scenes = new ArrayList<>();
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i <= sceneCount; i++) {
            Scene scene = generator.generate(Seeds.derive(seed, i));
            scenes.add(scene);
            images.add(models.input(renderer.render(scene, size)));
        }
        Map<String, Result> results = new LinkedHashMap<>();
        for (Variant variant : Variant.values()) {
            double trueError = 0;
            double otherError = 0;
            for (int i = 0; i < sceneCount; i++) {
                float[] target = ImageTensors.halve(images.get(i), size);
                float[] mask = renderer.renderMask(scenes.get(i), small);
                BufferedImage own = models.reconstruct(variant, images.get(i), images.get(i), noiseFraction, steps,
                        Seeds.derive(seed, -i - 1), null);
                BufferedImage other = models.reconstruct(variant, images.get(i), images.get(i + 1), noiseFraction,
                        steps, Seeds.derive(seed, -i - 1), null);
                trueError += maskedError(ImageTensors.toChw(own, small), target, mask);
                otherError += maskedError(ImageTensors.toChw(other, small), target, mask);
            }
            results.put(variant.id(), new Result(trueError / sceneCount, otherError / sceneCount,
                    otherError / trueError, sceneCount, noiseFraction, steps));
        }
        return results;
    }

    static double maskedError(float[] reconstruction, float[] target, float[] mask) {
        int plane = mask.length;
        double sum = 0;
        double weight = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                double d = reconstruction[c * plane + i] - target[c * plane + i];
                sum += mask[i] * d * d;
                weight += mask[i];
            }
        }
        return sum / weight;
    }
}
