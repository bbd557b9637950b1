package dev.deemwb.world;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The curated gallery shipped in {@code sample-images/}: scenes chosen so every question category
 * has examples, every out-of-distribution transform appears, and MMVP-style pairs (two scenes that
 * differ in one attribute) sit side by side. Each sample carries its scene, so the workbench knows
 * the ground truth, and the questions worth asking about it.
 */
public final class SampleImages {

    /**
     * One gallery image: a file stem, a title, how it was rendered, the category it shows (null for the
     * out-of-distribution samples), what to ask, and what a bundle's models answered (null until a
     * bundle has been asked).
     */
    public record Sample(String name, String title, Scene scene, OodShift shift, Category focus,
                         List<QaPair> suggestedQuestions, SampleResults results) {

        public Sample withResults(SampleResults answered) {
            return new Sample(name, title, scene, shift, focus, suggestedQuestions, answered);
        }
    }

    private SampleImages() {
    }

    public static List<Sample> curated() {
        List<Sample> samples = new ArrayList<>();
        SceneGenerator generator = new SceneGenerator();
        // Every sample gets a scene of its own: a seed taken once is never taken again, so no two
        // gallery images are the same picture under different names.
        Set<Long> taken = new HashSet<>();
        // Two clean scenes per category, each the first free seed whose scene can be asked about it.
        for (Category category : Category.values()) {
            samples.add(sample(category.id() + "-1", "Clean scene: " + category.id(),
                    firstWith(generator, category, 2, taken), null, category));
            samples.add(sample(category.id() + "-2", "Another scene: " + category.id(),
                    firstWith(generator, category, 500, taken), null, category));
        }
        // Every out-of-distribution transform, on a scene with a triangle, at a middle severity: the
        // same scene on purpose, so the transforms can be compared with each other.
        Scene triangleScene = firstWith(generator, Category.ORIENTATION, 900, taken);
        for (OodTransform transform : OodTransform.values()) {
            samples.add(sample("ood-" + transform.id(), "Out of distribution: " + transform.description(),
                    triangleScene, new OodShift(transform, 3), null));
        }
        // MMVP-style pairs, each from a scene of its own: the same scene with one attribute of its lone
        // triangle changed.
        Scene orientationBase = firstWith(generator, Category.ORIENTATION, 1300, taken);
        int triangle = indexOf(orientationBase, Shape.TRIANGLE);
        Orientation flipped = Orientation.values()[
                (orientationBase.objects().get(triangle).orientation().ordinal() + 2) % 4];
        samples.add(sample("pair-orientation-a", "Pair: orientation (A)", orientationBase, null, Category.ORIENTATION));
        samples.add(sample("pair-orientation-b", "Pair: orientation (B)",
                orientationBase.withObject(triangle, o -> o.withOrientation(flipped)), null, Category.ORIENTATION));
        Scene structureBase = firstWith(generator, Category.ORIENTATION, 1700, taken);
        int filledOrHollow = indexOf(structureBase, Shape.TRIANGLE);
        samples.add(sample("pair-structure-a", "Pair: filled or hollow (A)", structureBase, null, Category.STRUCTURE));
        samples.add(sample("pair-structure-b", "Pair: filled or hollow (B)",
                structureBase.withObject(filledOrHollow, o -> o.withFilled(!o.filled())), null, Category.STRUCTURE));
        Scene colorBase = firstWith(generator, Category.ORIENTATION, 2100, taken);
        int recoloured = indexOf(colorBase, Shape.TRIANGLE);
        ShapeColor color = colorBase.objects().get(recoloured).color();
        ShapeColor other = ShapeColor.values()[(color.ordinal() + 3) % ShapeColor.values().length];
        samples.add(sample("pair-color-a", "Pair: colour (A)", colorBase, null, Category.COLOR));
        samples.add(sample("pair-color-b", "Pair: colour (B)", colorBase.withObject(recoloured, o -> o.withColor(other)),
                null, Category.COLOR));
        return samples;
    }

    private static Sample sample(String name, String title, Scene scene, OodShift shift, Category focus) {
        List<QaPair> questions = new ArrayList<>(Questions.all(scene));
        if (focus != null) {
            // The focus category first: that is what the sample is for.
            questions.sort((a, b) -> Boolean.compare(b.category() == focus, a.category() == focus));
        }
        return new Sample(name, title, scene, shift, focus, List.copyOf(questions), null);
    }

    private static Scene firstWith(SceneGenerator generator, Category category, long startSeed, Set<Long> taken) {
        for (long seed = startSeed; ; seed++) {
            if (taken.contains(seed)) {
                continue;
            }
            Scene scene = generator.generate(seed);
            Optional<QaPair> asked = Questions.all(scene).stream().filter(q -> q.category() == category).findFirst();
            // Pairs recolour the triangle, so it must be the only one (named without its colour).
            boolean loneTriangle = category != Category.ORIENTATION || scene.objectsOf(Shape.TRIANGLE).size() == 1;
            if (asked.isPresent() && scene.objects().size() >= 2 && loneTriangle) {
                taken.add(seed);
                return scene;
            }
        }
    }

    private static int indexOf(Scene scene, Shape shape) {
        for (int i = 0; i < scene.objects().size(); i++) {
            if (scene.objects().get(i).shape() == shape) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + shape.noun());
    }
}
