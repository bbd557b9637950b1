package dev.deemwb.bench.mini;

import dev.deemwb.world.OodShift;
import dev.deemwb.world.OodTransform;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.Seeds;
import dev.deemwb.world.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws mini-RobustVQA's records: one-object scenes under an out-of-distribution transform, each with
 * its true caption and an error caption (another shape). The official splits are mirrored by the kind
 * of shift: {@code imagenet_a} (natural corruptions: noise, blur), {@code imagenet_r} (renditions:
 * sketches, thin strokes, textured backgrounds) and {@code imagenet_v2} (a milder distribution shift:
 * dark backgrounds, colour shifts). Severities are uniform over 1..5.
 */
public final class MiniRobustVqaSampler {

    public static final Map<String, List<OodTransform>> SPLITS = Map.of(
            "imagenet_a", List.of(OodTransform.NOISE, OodTransform.BLUR),
            "imagenet_r", List.of(OodTransform.OUTLINE_RENDITION, OodTransform.THIN_STROKES,
                    OodTransform.TEXTURED_BACKGROUND),
            "imagenet_v2", List.of(OodTransform.DARK_BACKGROUND, OodTransform.COLOR_SHIFT));
    public static final List<String> SPLIT_ORDER = List.of("imagenet_a", "imagenet_r", "imagenet_v2");

    private MiniRobustVqaSampler() {
    }

    public record Item(String split, int index, Scene scene, OodShift shift, Shape truth, Shape error) {
    }

    /** {@code recordCount} records dealt round-robin over the three splits. */
    public static List<Item> sample(long seed, int recordCount) {
        SceneGenerator generator = new SceneGenerator();
        List<Item> items = new ArrayList<>(recordCount);
        int[] perSplit = new int[SPLIT_ORDER.size()];
        for (int i = 0; i < recordCount; i++) {
            long itemSeed = Seeds.derive(seed, i);
            SplittableRandom random = new SplittableRandom(itemSeed);
            int splitIndex = i % SPLIT_ORDER.size();
            String split = SPLIT_ORDER.get(splitIndex);
            List<OodTransform> transforms = SPLITS.get(split);
            OodShift shift = new OodShift(transforms.get(random.nextInt(transforms.size())),
                    1 + random.nextInt(OodShift.MAX_SEVERITY));
            Scene scene = generator.generate(itemSeed, 1);
            Shape truth = scene.objects().get(0).shape();
            Shape[] shapes = Shape.values();
            Shape error = shapes[(truth.ordinal() + 1 + random.nextInt(shapes.length - 1)) % shapes.length];
            items.add(new Item(split, perSplit[splitIndex]++, scene, shift, truth, error));
        }
        return items;
    }
}
