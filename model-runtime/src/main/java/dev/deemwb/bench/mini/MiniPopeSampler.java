package dev.deemwb.bench.mini;

import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.Seeds;
import dev.deemwb.world.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Chooses mini-POPE's images and questions with POPE's own rules: images with at least three
 * objects; per image up to three present objects (answer yes) and as many absent ones (answer no),
 * the absent ones chosen per {@link NegativeSampling}. Frequencies and co-occurrences are counted
 * over the sampled image set, as POPE counts them over its annotations. A negative is never present
 * in the image and never asked twice for it.
 */
public final class MiniPopeSampler {

    static final int MIN_OBJECTS = 3;

    private MiniPopeSampler() {
    }

    /** One image and the objects asked about it. */
    public record Item(int index, Scene scene, List<Shape> positives, Map<NegativeSampling, List<Shape>> negatives) {
    }

    /** The sampled set, with the statistics the negatives were chosen by. */
    public record Sample(List<Item> items, Map<Shape, Integer> frequency, Map<Shape, Map<Shape, Integer>> coOccurrence) {
    }

    public static Sample sample(long seed, int imageCount, int questionsPerLabel) {
        SceneGenerator generator = new SceneGenerator();
        List<Scene> scenes = new ArrayList<>(imageCount);
        for (int i = 0; i < imageCount; i++) {
            scenes.add(generator.generateWithDistinctShapes(Seeds.derive(seed, i), MIN_OBJECTS));
        }
        Map<Shape, Integer> frequency = frequency(scenes);
        Map<Shape, Map<Shape, Integer>> coOccurrence = coOccurrence(scenes);
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, -1));
        List<Item> items = new ArrayList<>(imageCount);
        for (int i = 0; i < scenes.size(); i++) {
            Scene scene = scenes.get(i);
            List<Shape> present = new ArrayList<>(scene.shapes());
            Collections.shuffle(present, new Random(random.nextLong()));
            List<Shape> positives = List.copyOf(present.subList(0, Math.min(questionsPerLabel, present.size())));
            List<Shape> absent = absentShapes(scene);
            int k = Math.min(positives.size(), absent.size());
            Map<NegativeSampling, List<Shape>> negatives = new EnumMap<>(NegativeSampling.class);
            List<Shape> shuffled = new ArrayList<>(absent);
            Collections.shuffle(shuffled, new Random(random.nextLong()));
            negatives.put(NegativeSampling.RANDOM, List.copyOf(shuffled.subList(0, k)));
            negatives.put(NegativeSampling.POPULAR, topK(absent, k, Comparator.comparing(
                    (Shape s) -> frequency.getOrDefault(s, 0)).reversed()));
            negatives.put(NegativeSampling.ADVERSARIAL, topK(absent, k, Comparator.comparing(
                    (Shape s) -> coOccurrenceScore(s, scene.shapes(), coOccurrence)).reversed()
                    .thenComparing(Comparator.comparing((Shape s) -> frequency.getOrDefault(s, 0)).reversed())));
            items.add(new Item(i, scene, positives, negatives));
        }
        return new Sample(items, frequency, coOccurrence);
    }

    /** How often {@code candidate} appears together with any of {@code present}, summed. */
    public static int coOccurrenceScore(Shape candidate, Set<Shape> present, Map<Shape, Map<Shape, Integer>> coOccurrence) {
        int score = 0;
        for (Shape p : present) {
            score += coOccurrence.getOrDefault(p, Map.of()).getOrDefault(candidate, 0);
        }
        return score;
    }

    private static List<Shape> absentShapes(Scene scene) {
        List<Shape> absent = new ArrayList<>();
        for (Shape s : Shape.values()) {
            if (!scene.contains(s)) {
                absent.add(s);
            }
        }
        return absent;
    }

    /** The first k by {@code order}; ties keep the shapes' declaration order, so results are stable. */
    private static List<Shape> topK(List<Shape> candidates, int k, Comparator<Shape> order) {
        return candidates.stream().sorted(order).limit(k).toList();
    }

    private static Map<Shape, Integer> frequency(List<Scene> scenes) {
        Map<Shape, Integer> frequency = new EnumMap<>(Shape.class);
        scenes.forEach(scene -> scene.shapes().forEach(s -> frequency.merge(s, 1, Integer::sum)));
        return frequency;
    }

    private static Map<Shape, Map<Shape, Integer>> coOccurrence(List<Scene> scenes) {
        Map<Shape, Map<Shape, Integer>> counts = new EnumMap<>(Shape.class);
        for (Scene scene : scenes) {
            for (Shape a : scene.shapes()) {
                for (Shape b : scene.shapes()) {
                    if (a != b) {
                        counts.computeIfAbsent(a, x -> new EnumMap<>(Shape.class)).merge(b, 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }
}
