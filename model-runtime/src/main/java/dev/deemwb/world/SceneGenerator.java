package dev.deemwb.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Draws scenes from {@link WorldPriors}; the same seed always gives the same scene. */
public final class SceneGenerator {

    private static final double CELL_JITTER = 0.035;
    private static final double MIN_SIZE = 0.19;
    private static final double MAX_SIZE = 0.25;

    private final WorldPriors priors;

    public SceneGenerator(WorldPriors priors) {
        this.priors = priors;
    }

    public SceneGenerator() {
        this(WorldPriors.standard());
    }

    public Scene generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int count = 1 + pickIndex(random, priors.objectCountWeights());
        return generate(seed, random, count);
    }

    /** A scene with exactly {@code objectCount} objects. */
    public Scene generate(long seed, int objectCount) {
        if (objectCount < 1 || objectCount > Scene.MAX_OBJECTS) {
            throw new IllegalArgumentException("objectCount must be 1.." + Scene.MAX_OBJECTS);
        }
        return generate(seed, new SplittableRandom(seed), objectCount);
    }

    /**
     * The first scene, over seeds derived from {@code seed}, with at least {@code minDistinctShapes}
     * different shapes (POPE draws its images from scenes with three or more annotated objects).
     */
    public Scene generateWithDistinctShapes(long seed, int minDistinctShapes) {
        if (minDistinctShapes > Scene.MAX_OBJECTS) {
            throw new IllegalArgumentException("at most " + Scene.MAX_OBJECTS + " distinct shapes fit a scene");
        }
        for (int attempt = 0; ; attempt++) {
            long candidateSeed = Seeds.derive(seed, attempt);
            SplittableRandom random = new SplittableRandom(candidateSeed);
            int count = Math.max(minDistinctShapes, 1 + pickIndex(random, priors.objectCountWeights()));
            Scene scene = generate(candidateSeed, random, count);
            if (scene.shapes().size() >= minDistinctShapes) {
                return scene;
            }
        }
    }

    private Scene generate(long seed, SplittableRandom random, int count) {
        List<Integer> freeCells = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8));
        List<SceneObject> objects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Shape shape = nextShape(random, objects);
            int cell = freeCells.remove(random.nextInt(freeCells.size()));
            objects.add(randomObject(random, shape, cell));
        }
        return new Scene(seed, objects);
    }

    private Shape nextShape(SplittableRandom random, List<SceneObject> placed) {
        List<Shape> missingPartners = new ArrayList<>();
        for (SceneObject o : placed) {
            Shape partner = priors.partners().get(o.shape());
            boolean alreadyThere = placed.stream().anyMatch(p -> p.shape() == partner);
            if (partner != null && !alreadyThere && !missingPartners.contains(partner)) {
                missingPartners.add(partner);
            }
        }
        if (!missingPartners.isEmpty() && random.nextDouble() < priors.partnerProbability()) {
            return missingPartners.get(random.nextInt(missingPartners.size()));
        }
        return pickWeighted(random, priors.shapeWeights());
    }

    private SceneObject randomObject(SplittableRandom random, Shape shape, int cell) {
        ShapeColor[] colors = ShapeColor.values();
        ShapeColor color = colors[random.nextInt(colors.length)];
        Orientation orientation = shape.hasOrientation()
                ? Orientation.values()[random.nextInt(Orientation.values().length)] : null;
        boolean filled = random.nextDouble() < priors.filledProbability();
        double size = MIN_SIZE + random.nextDouble() * (MAX_SIZE - MIN_SIZE);
        return new SceneObject(shape, color, orientation, filled, cell,
                cellCenter(cell % 3) + jitter(random), cellCenter(cell / 3) + jitter(random), size);
    }

    /** Centre of grid column or row {@code index}, as a fraction of the image side. */
    public static double cellCenter(int index) {
        return (index + 0.5) / 3.0;
    }

    private static double jitter(SplittableRandom random) {
        return (random.nextDouble() * 2 - 1) * CELL_JITTER;
    }

    private static Shape pickWeighted(SplittableRandom random, Map<Shape, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double r = random.nextDouble() * total;
        Shape last = null;
        for (Map.Entry<Shape, Double> e : weights.entrySet()) {
            last = e.getKey();
            r -= e.getValue();
            if (r < 0) {
                return last;
            }
        }
        return last;
    }

    private static int pickIndex(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
