package dev.deemwb.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Coarse, web-like captions for the CLIP stage: shape nouns and counts, sometimes a colour (as often
 * as the recipe says), never orientation or filled/hollow. What captions leave out is what a contrastive encoder learns to
 * ignore — the blindness the DEEM paper is about.
 */
public final class Captions {

    static final List<String> FRAMES = List.of("%s", "a picture of %s", "%s on a plain background",
            "an image with %s", "shapes: %s");

    /** The words that join attributes in a detailed description. */
    static final String DESCRIPTION_CONNECTORS = "pointing at and";

    private Captions() {
    }

    /** @param colorProbability how often a lone object of its shape is named with its colour ("a red circle") */
    public static String caption(Scene scene, SplittableRandom random, double colorProbability) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Shape, Integer> entry : scene.shapeCounts().entrySet()) {
            Shape shape = entry.getKey();
            int count = entry.getValue();
            if (count == 1 && random.nextDouble() < colorProbability) {
                parts.add("a " + scene.objectsOf(shape).get(0).color().word() + " " + shape.noun());
            } else {
                parts.add(Language.countedNoun(shape, count));
            }
        }
        Collections.shuffle(parts, new Random(random.nextLong()));
        String frame = FRAMES.get(random.nextInt(FRAMES.size()));
        return String.format(frame, Language.joinList(parts));
    }

    /**
     * The full description the diffusion model is pretrained on ("our Stable Diffusion" knows every
     * attribute): e.g. "filled red triangle pointing up at top left and hollow blue circle at center".
     */
    public static String detailedDescription(Scene scene) {
        List<String> parts = new ArrayList<>();
        scene.objects().stream()
                .sorted(Comparator.comparingInt(SceneObject::cell))
                .forEach(o -> parts.add(describe(o) + " at " + Language.CELL_NAMES.get(o.cell())));
        return String.join(" and ", parts);
    }

    private static String describe(SceneObject o) {
        String text = o.structureWord() + " " + o.color().word() + " " + o.shape().noun();
        return o.orientation() == null ? text : text + " pointing " + o.orientation().word();
    }
}
