package dev.deemwb.bench.mini;

import dev.deemwb.bench.mmvp.MmvpPattern;
import dev.deemwb.world.Language;
import dev.deemwb.world.Orientation;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneObject;
import dev.deemwb.world.Seeds;
import dev.deemwb.world.Shape;
import dev.deemwb.world.ShapeColor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws mini-MMVP's pairs: two scenes that differ in exactly one attribute, one two-option question
 * whose right answer differs between them ("CLIP-blind" pairs by construction). The patterns the
 * shapes world can express are used in turn: orientation, presence, quantity, position, colour and
 * structure (filled/hollow).
 */
public final class MiniMmvpSampler {

    public static final List<MmvpPattern> PATTERNS = List.of(MmvpPattern.ORIENTATION, MmvpPattern.PRESENCE,
            MmvpPattern.QUANTITY, MmvpPattern.POSITIONAL, MmvpPattern.COLOR, MmvpPattern.STRUCTURAL);

    private MiniMmvpSampler() {
    }

    /**
     * @param first           the first image's scene; its right answer is {@code firstAnswer}
     * @param options         the two options, in the order shown as (a) and (b)
     * @param firstAnswer     0 for (a), 1 for (b); the second image's answer is the other one
     * @param statements      for MMVP-VLM: a statement true of the first image, one true of the second
     */
    public record Pair(MmvpPattern pattern, String question, List<String> options, Scene first, Scene second,
                       int firstAnswer, List<String> statements) {
    }

    public static List<Pair> sample(long seed, int pairCount) {
        SceneGenerator generator = new SceneGenerator();
        List<Pair> pairs = new ArrayList<>(pairCount);
        long attempt = 0;
        for (int i = 0; i < pairCount; i++) {
            MmvpPattern pattern = PATTERNS.get(i % PATTERNS.size());
            Optional<Pair> pair = Optional.empty();
            while (pair.isEmpty()) {
                long pairSeed = Seeds.derive(seed, attempt++);
                pair = build(pattern, generator.generate(pairSeed), new SplittableRandom(pairSeed));
            }
            pairs.add(pair.get());
        }
        return pairs;
    }

    /**
     * A pair of {@code pattern} made from {@code base} by changing one attribute (for the workbench's
     * pair view), trying a few random draws of which object and value to change; empty if this scene
     * cannot carry the pattern at all (a colour pair needs a shape that appears once in it).
     */
    public static Optional<Pair> from(MmvpPattern pattern, Scene base, long seed) {
        for (int attempt = 0; attempt < 32; attempt++) {
            Optional<Pair> pair = build(pattern, base, new SplittableRandom(Seeds.derive(seed, attempt)));
            if (pair.isPresent()) {
                return pair;
            }
        }
        return Optional.empty();
    }

    /** Builds a pair of {@code pattern} from {@code base}, or nothing if this scene cannot carry it. */
    static Optional<Pair> build(MmvpPattern pattern, Scene base, SplittableRandom random) {
        return switch (pattern) {
            case ORIENTATION -> orientation(base, random);
            case PRESENCE -> presence(base, random);
            case QUANTITY -> quantity(base, random);
            case POSITIONAL -> position(base, random);
            case COLOR -> color(base, random);
            case STRUCTURAL -> structure(base, random);
            default -> throw new IllegalArgumentException(pattern + " does not exist in the shapes world");
        };
    }

    private static Optional<Pair> orientation(Scene base, SplittableRandom random) {
        int index = random.nextInt(base.objects().size());
        Orientation[] orientations = Orientation.values();
        Orientation a = orientations[random.nextInt(orientations.length)];
        Orientation b = orientations[(a.ordinal() + 1 + random.nextInt(orientations.length - 1)) % orientations.length];
        Scene first = base.withObject(index, o -> o.withShape(Shape.TRIANGLE, a));
        Scene second = first.withObject(index, o -> o.withOrientation(b));
        return Questions.name(first, first.objects().get(index)).map(name -> pair(MmvpPattern.ORIENTATION,
                "Which way does the " + name + " point?", a.word(), b.word(), first, second, random,
                "The " + name + " points " + a.word() + ".", "The " + name + " points " + b.word() + "."));
    }

    private static Optional<Pair> presence(Scene base, SplittableRandom random) {
        if (base.objects().size() < 2) {
            return Optional.empty();
        }
        int index = random.nextInt(base.objects().size());
        Shape shape = base.objects().get(index).shape();
        if (base.objectsOf(shape).size() != 1) {
            return Optional.empty();
        }
        List<SceneObject> rest = new ArrayList<>(base.objects());
        rest.remove(index);
        Scene without = new Scene(base.seed(), rest);
        return Optional.of(pair(MmvpPattern.PRESENCE, Questions.presence(shape), "yes", "no", base, without, random,
                "There is a " + shape.noun() + ".", "There is no " + shape.noun() + "."));
    }

    private static Optional<Pair> quantity(Scene base, SplittableRandom random) {
        if (base.objects().size() >= Scene.MAX_OBJECTS) {
            return Optional.empty();
        }
        SceneObject model = base.objects().get(random.nextInt(base.objects().size()));
        List<Integer> free = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8));
        base.objects().forEach(o -> free.remove(Integer.valueOf(o.cell())));
        int cell = free.get(random.nextInt(free.size()));
        SceneObject copy = model.movedTo(cell, SceneGenerator.cellCenter(cell % 3), SceneGenerator.cellCenter(cell / 3));
        List<SceneObject> more = new ArrayList<>(base.objects());
        more.add(copy);
        Scene second = new Scene(base.seed(), more);
        int n = base.objectsOf(model.shape()).size();
        String plural = model.shape().plural();
        return Optional.of(pair(MmvpPattern.QUANTITY, "How many " + plural + " are there?",
                Language.number(n), Language.number(n + 1), base, second, random,
                count(n, model.shape()), count(n + 1, model.shape())));
    }

    private static Optional<Pair> position(Scene base, SplittableRandom random) {
        if (base.objects().size() < 2) {
            return Optional.empty();
        }
        int i = random.nextInt(base.objects().size());
        int j = (i + 1 + random.nextInt(base.objects().size() - 1)) % base.objects().size();
        SceneObject a = base.objects().get(i);
        SceneObject b = base.objects().get(j);
        if (a.column() == b.column()) {
            return Optional.empty();
        }
        List<SceneObject> objects = new ArrayList<>(base.objects());
        objects.set(i, a.movedTo(b.cell(), b.centerX(), b.centerY()));
        objects.set(j, b.movedTo(a.cell(), a.centerX(), a.centerY()));
        Scene swapped = new Scene(base.seed(), objects);
        Optional<String> nameA = Questions.name(base, a);
        Optional<String> nameB = Questions.name(base, b);
        if (nameA.isEmpty() || nameB.isEmpty()) {
            return Optional.empty();
        }
        boolean leftFirst = a.column() < b.column();
        String left = "The " + nameA.get() + " is left of the " + nameB.get() + ".";
        String right = "The " + nameA.get() + " is right of the " + nameB.get() + ".";
        return Optional.of(pair(MmvpPattern.POSITIONAL, "Is the " + nameA.get() + " left of the " + nameB.get() + "?",
                leftFirst ? "yes" : "no", leftFirst ? "no" : "yes", base, swapped, random,
                leftFirst ? left : right, leftFirst ? right : left));
    }

    private static Optional<Pair> color(Scene base, SplittableRandom random) {
        int index = random.nextInt(base.objects().size());
        SceneObject object = base.objects().get(index);
        if (base.objectsOf(object.shape()).size() != 1) {
            return Optional.empty(); // named by shape alone, so the question stays the same for both
        }
        ShapeColor[] colors = ShapeColor.values();
        ShapeColor other = colors[(object.color().ordinal() + 1 + random.nextInt(colors.length - 1)) % colors.length];
        Scene second = base.withObject(index, o -> o.withColor(other));
        String noun = object.shape().noun();
        return Optional.of(pair(MmvpPattern.COLOR, "What color is the " + noun + "?", object.color().word(),
                other.word(), base, second, random, "The " + noun + " is " + object.color().word() + ".",
                "The " + noun + " is " + other.word() + "."));
    }

    private static Optional<Pair> structure(Scene base, SplittableRandom random) {
        int index = random.nextInt(base.objects().size());
        SceneObject object = base.objects().get(index);
        Scene second = base.withObject(index, o -> o.withFilled(!o.filled()));
        return Questions.name(base, object).map(name -> pair(MmvpPattern.STRUCTURAL,
                "Is the " + name + " filled or hollow?", object.structureWord(),
                second.objects().get(index).structureWord(), base, second, random,
                "The " + name + " is " + object.structureWord() + ".",
                "The " + name + " is " + second.objects().get(index).structureWord() + "."));
    }

    /** Puts the two answers in a random (a)/(b) order and the two scenes in a random order. */
    private static Pair pair(MmvpPattern pattern, String question, String answerOfFirst, String answerOfSecond,
                             Scene first, Scene second, SplittableRandom random, String statementOfFirst,
                             String statementOfSecond) {
        boolean swapOptions = random.nextBoolean();
        List<String> options = swapOptions
                ? List.of(capitalise(answerOfSecond), capitalise(answerOfFirst))
                : List.of(capitalise(answerOfFirst), capitalise(answerOfSecond));
        int firstAnswer = swapOptions ? 1 : 0;
        if (random.nextBoolean()) {
            return new Pair(pattern, question, options, second, first, 1 - firstAnswer,
                    List.of(statementOfSecond, statementOfFirst));
        }
        return new Pair(pattern, question, options, first, second, firstAnswer,
                List.of(statementOfFirst, statementOfSecond));
    }

    private static String count(int n, Shape shape) {
        return n == 1 ? "There is one " + shape.noun() + "." : "There are " + Language.number(n) + " " + shape.plural() + ".";
    }

    private static String capitalise(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
