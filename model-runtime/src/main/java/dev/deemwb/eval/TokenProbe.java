package dev.deemwb.eval;

import dev.deemwb.infer.MiniDeem;
import dev.deemwb.model.Variant;
import dev.deemwb.world.Orientation;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneObject;
import dev.deemwb.world.SceneRenderer;
import dev.deemwb.world.Seeds;
import dev.deemwb.world.Shape;
import dev.deemwb.world.ShapeColor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * What each encoder kept, measured apart from what its language model reads: per attribute, a
 * linear classifier ({@link LinearProbe}) trained on one encoder's frozen visual tokens of fresh
 * scenes and scored on held-out ones. An attribute the tokens do not hold cannot be read by any
 * language model; one they hold but the model answers wrongly points at the language model.
 *
 * <p>Attributes of one object are probed on one-object scenes (no question of which object is
 * meant), their values drawn uniformly so chance is the majority rate of about 1/classes.
 */
public final class TokenProbe {

    /** The attributes probed, each with its number of classes and how a scene is made and labelled. */
    public enum Attribute {
        SHAPE("shape", Shape.values().length),
        COLOR("color", ShapeColor.values().length),
        STRUCTURE("structure", 2),
        ORIENTATION("orientation", Orientation.values().length),
        POSITION("position", 9),
        COUNT("count", Scene.MAX_OBJECTS);

        private final String id;
        private final int classes;

        Attribute(String id, int classes) {
            this.id = id;
            this.classes = classes;
        }

        public String id() {
            return id;
        }

        /** A scene and its label for this attribute, from {@code seed}. */
        Labelled draw(SceneGenerator generator, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            if (this == COUNT) {
                int count = 1 + random.nextInt(Scene.MAX_OBJECTS);
                return new Labelled(generator.generate(seed, count), count - 1);
            }
            Scene scene = generator.generate(seed, 1);
            SceneObject object = scene.objects().get(0);
            return switch (this) {
                case SHAPE -> {
                    Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
                    Orientation orientation = shape.hasOrientation()
                            ? Orientation.values()[random.nextInt(Orientation.values().length)] : null;
                    yield new Labelled(scene.withObject(0, o -> o.withShape(shape, orientation)), shape.ordinal());
                }
                case COLOR -> {
                    ShapeColor color = ShapeColor.values()[random.nextInt(ShapeColor.values().length)];
                    yield new Labelled(scene.withObject(0, o -> o.withColor(color)), color.ordinal());
                }
                case STRUCTURE -> {
                    boolean filled = random.nextBoolean();
                    yield new Labelled(scene.withObject(0, o -> o.withFilled(filled)), filled ? 1 : 0);
                }
                case ORIENTATION -> {
                    Orientation orientation = Orientation.values()[random.nextInt(Orientation.values().length)];
                    yield new Labelled(scene.withObject(0, o -> o.withShape(Shape.TRIANGLE, orientation)),
                            orientation.ordinal());
                }
                case POSITION -> new Labelled(scene, object.cell());
                case COUNT -> throw new IllegalStateException("handled above");
            };
        }
    }

    record Labelled(Scene scene, int label) {
    }

    /**
     * @param accuracy held-out accuracy of the classifier
     * @param chance   the held-out majority-class rate (what always guessing the commonest value scores)
     */
    public record Result(int classes, int train, int test, double accuracy, double chance) {
    }

    private static final int BATCH = ProbeRunner.DEFAULT_BATCH;
    private static final double TRAIN_FRACTION = 2.0 / 3;

    private final MiniDeem models;

    public TokenProbe(MiniDeem models) {
        this.models = models;
    }

    /** variant id → attribute id → result, on {@code scenes} fresh scenes per attribute from {@code seed}. */
    public Map<String, Map<String, Result>> run(long seed, int scenes) {
        SceneGenerator generator = new SceneGenerator();
        Map<String, Map<String, Result>> report = new LinkedHashMap<>();
        for (Variant variant : Variant.values()) {
            report.put(variant.id(), new LinkedHashMap<>());
        }
        for (Attribute attribute : Attribute.values()) {
            List<Labelled> drawn = new ArrayList<>(scenes);
            for (int i = 0; i < scenes; i++) {
                drawn.add(attribute.draw(generator, Seeds.derive(seed, attribute.ordinal() * 1_000_003L + i)));
            }
            int[] labels = drawn.stream().mapToInt(Labelled::label).toArray();
            for (Variant variant : Variant.values()) {
                float[][] tokens = tokens(variant, drawn);
                report.get(variant.id()).put(attribute.id(), probe(tokens, labels, attribute.classes));
            }
        }
        return report;
    }

    private static Result probe(float[][] tokens, int[] labels, int classes) {
        int train = (int) Math.round(tokens.length * TRAIN_FRACTION);
        LinearProbe probe = LinearProbe.fit(Arrays.copyOf(tokens, train),
                Arrays.copyOf(labels, train), classes);
        int right = 0;
        int[] counts = new int[classes];
        for (int i = train; i < tokens.length; i++) {
            right += probe.predict(tokens[i]) == labels[i] ? 1 : 0;
            counts[labels[i]]++;
        }
        int test = tokens.length - train;
        int majority = Arrays.stream(counts).max().orElse(0);
        return new Result(classes, train, test, right / (double) test, majority / (double) test);
    }

    /** Each scene's visual tokens, flattened, from the variant's frozen encoder. */
    private float[][] tokens(Variant variant, List<Labelled> drawn) {
        SceneRenderer renderer = new SceneRenderer();
        int size = models.models().config().imageSize();
        float[][] tokens = new float[drawn.size()][];
        for (int start = 0; start < drawn.size(); start += BATCH) {
            List<float[]> images = new ArrayList<>();
            for (Labelled labelled : drawn.subList(start, Math.min(drawn.size(), start + BATCH))) {
                images.add(models.input(renderer.render(labelled.scene(), size)));
            }
            float[][] batch = models.visualTokens(variant, images);
            System.arraycopy(batch, 0, tokens, start, batch.length);
        }
        return tokens;
    }
}
