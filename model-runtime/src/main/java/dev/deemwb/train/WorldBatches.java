package dev.deemwb.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.deemwb.model.ImageTensors;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.WordTokenizer;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneRenderer;
import dev.deemwb.world.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An endless, seeded stream of training scenes and the tensors the stages need from them. Two
 * streams with the same seed yield the same scenes in the same order, so the baseline and DEEM see
 * identical data.
 */
final class WorldBatches {

    private final SceneGenerator generator = new SceneGenerator();
    private final SceneRenderer renderer = new SceneRenderer();
    private final ModelConfig config;
    private final WordTokenizer tokenizer;
    private final long seed;
    private long drawn;

    WorldBatches(ModelConfig config, WordTokenizer tokenizer, long seed) {
        this.config = config;
        this.tokenizer = tokenizer;
        this.seed = seed;
    }

    List<Scene> nextScenes(int count) {
        List<Scene> scenes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            scenes.add(generator.generate(Seeds.derive(seed, drawn++)));
        }
        return scenes;
    }

    /** A random generator for choices within a batch (captions, questions, augmentation). */
    SplittableRandom randomFor(List<Scene> scenes) {
        return new SplittableRandom(scenes.get(0).seed() ^ 0x5A17L);
    }

    /**
     * What the stages need of a batch of scenes, each seen through one dihedral transform ({@code ops},
     * 0 for none): the encoder's input {@code (B, 3, 64, 64)}, the diffusion target — the same image
     * averaged down to {@code (B, 3, 32, 32)}, as at inference — and the object mask {@code (B, 1, 32, 32)}.
     */
    record Views(NDArray images, NDArray diffusionImages, NDArray objectMasks) {
    }

    /**
     * The scenes with each object's fill flipped with {@code probability} (the same list, and no draw
     * from {@code random}, at 0 — so a recipe without the augmentation trains exactly as before).
     */
    static List<Scene> withFillsFlipped(List<Scene> scenes, SplittableRandom random, double probability) {
        if (probability == 0) {
            return scenes;
        }
        List<Scene> flipped = new ArrayList<>(scenes.size());
        for (Scene scene : scenes) {
            Scene changed = scene;
            for (int i = 0; i < scene.objects().size(); i++) {
                if (random.nextDouble() < probability) {
                    changed = changed.withObject(i, o -> o.withFilled(!o.filled()));
                }
            }
            flipped.add(changed);
        }
        return flipped;
    }

    Views views(NDManager manager, List<Scene> scenes, int[] ops) {
        int size = config.imageSize();
        int small = config.diffusionSize();
        int n = scenes.size();
        float[] images = new float[n * 3 * size * size];
        float[] smallImages = new float[n * 3 * small * small];
        float[] masks = new float[n * small * small];
        for (int i = 0; i < n; i++) {
            float[] chw = Dihedral.apply(ImageTensors.toChw(renderer.render(scenes.get(i), size), size), 3, size, ops[i]);
            System.arraycopy(chw, 0, images, i * chw.length, chw.length);
            float[] halved = ImageTensors.halve(chw, size);
            System.arraycopy(halved, 0, smallImages, i * halved.length, halved.length);
            float[] mask = Dihedral.apply(renderer.renderMask(scenes.get(i), small), 1, small, ops[i]);
            System.arraycopy(mask, 0, masks, i * mask.length, mask.length);
        }
        return new Views(manager.create(images, new Shape(n, 3, size, size)),
                manager.create(smallImages, new Shape(n, 3, small, small)),
                manager.create(masks, new Shape(n, 1, small, small)));
    }

    /** No augmentation: every scene as rendered. */
    static int[] identity(int count) {
        return new int[count];
    }

    /** A random dihedral transform per scene. */
    static int[] randomOps(int count, SplittableRandom random) {
        int[] ops = new int[count];
        for (int i = 0; i < count; i++) {
            ops[i] = random.nextInt(Dihedral.COUNT);
        }
        return ops;
    }

    /** Token ids {@code (B, L)} and mask {@code (B, L)} of texts, right-padded to the longest. */
    TextBatch texts(NDManager manager, List<String> texts) {
        List<int[]> encoded = new ArrayList<>(texts.size());
        int longest = 1;
        for (String text : texts) {
            int[] ids = tokenizer.encode(text);
            if (ids.length > config.maxTextLength()) {
                throw new IllegalArgumentException("text longer than " + config.maxTextLength() + " words: " + text);
            }
            encoded.add(ids);
            longest = Math.max(longest, ids.length);
        }
        int[] ids = new int[texts.size() * longest];
        float[] mask = new float[texts.size() * longest];
        for (int i = 0; i < encoded.size(); i++) {
            int[] row = encoded.get(i);
            System.arraycopy(row, 0, ids, i * longest, row.length);
            java.util.Arrays.fill(mask, i * longest, i * longest + row.length, 1f);
        }
        return new TextBatch(manager.create(ids, new Shape(texts.size(), longest)),
                manager.create(mask, new Shape(texts.size(), longest)));
    }

    record TextBatch(NDArray ids, NDArray mask) {
        NDArray intIds() {
            return ids.toType(DataType.INT32, false);
        }
    }
}
