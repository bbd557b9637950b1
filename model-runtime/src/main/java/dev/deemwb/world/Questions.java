package dev.deemwb.world;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The question templates of every category and their ground truth for a scene. An object is named by
 * its shape when it is the only one of its shape ("the triangle"), else by colour and shape when that
 * is unique ("the red triangle"); objects that neither names are not asked about.
 */
public final class Questions {

    /** The templates, as shown for auto-completion; {x} marks a slot. */
    public static final List<String> TEMPLATES = List.of(
            "Is there a {shape} in the image?",
            "How many objects are there?",
            "How many {shapes} are there?",
            "What color is the {object}?",
            "Which way does the {triangle} point?",
            "Is the {object} filled or hollow?",
            "Is the {object} left of the {object}?",
            "Is the {object} above the {object}?");

    private Questions() {
    }

    public static String presence(Shape shape) {
        return "Is there a " + shape.noun() + " in the image?";
    }

    /**
     * Every template question that applies to the scene, grouped by category in template order.
     * Presence asks about each shape in the scene and as many absent shapes (the first ones in a
     * rotation that starts from the scene's seed), so yes and no are balanced.
     */
    public static List<QaPair> all(Scene scene) {
        List<QaPair> pairs = new ArrayList<>();
        pairs.addAll(presence(scene));
        pairs.addAll(count(scene));
        List<Referent> referents = referents(scene);
        for (Referent r : referents) {
            if (scene.objectsOf(r.object.shape()).size() == 1) { // "the red circle" would give the answer away
                pairs.add(new QaPair(Category.COLOR, "What color is the " + r.name + "?", r.object.color().word()));
            }
        }
        for (Referent r : referents) {
            if (r.object.orientation() != null) {
                pairs.add(new QaPair(Category.ORIENTATION, "Which way does the " + r.name + " point?",
                        r.object.orientation().word()));
            }
        }
        for (Referent r : referents) {
            pairs.add(new QaPair(Category.STRUCTURE, "Is the " + r.name + " filled or hollow?",
                    r.object.structureWord()));
        }
        pairs.addAll(position(referents));
        return pairs;
    }

    private static List<QaPair> presence(Scene scene) {
        List<QaPair> pairs = new ArrayList<>();
        Set<Shape> present = scene.shapes();
        present.forEach(s -> pairs.add(new QaPair(Category.PRESENCE, presence(s), "yes")));
        Shape[] all = Shape.values();
        int start = (int) Math.floorMod(scene.seed(), (long) all.length);
        int added = 0;
        for (int i = 0; i < all.length && added < present.size(); i++) {
            Shape candidate = all[(start + i) % all.length];
            if (!present.contains(candidate)) {
                pairs.add(new QaPair(Category.PRESENCE, presence(candidate), "no"));
                added++;
            }
        }
        return pairs;
    }

    private static List<QaPair> count(Scene scene) {
        List<QaPair> pairs = new ArrayList<>();
        pairs.add(new QaPair(Category.COUNT, "How many objects are there?",
                Language.number(scene.objects().size())));
        scene.shapeCounts().forEach((shape, n) -> pairs.add(new QaPair(Category.COUNT,
                "How many " + shape.plural() + " are there?", Language.number(n))));
        return pairs;
    }

    private static List<QaPair> position(List<Referent> referents) {
        List<QaPair> pairs = new ArrayList<>();
        for (Referent a : referents) {
            for (Referent b : referents) {
                if (a != b && a.object.column() != b.object.column()) {
                    pairs.add(new QaPair(Category.POSITION, "Is the " + a.name + " left of the " + b.name + "?",
                            a.object.column() < b.object.column() ? "yes" : "no"));
                }
            }
        }
        for (Referent a : referents) {
            for (Referent b : referents) {
                if (a != b && a.object.row() != b.object.row()) {
                    pairs.add(new QaPair(Category.POSITION, "Is the " + a.name + " above the " + b.name + "?",
                            a.object.row() < b.object.row() ? "yes" : "no"));
                }
            }
        }
        return pairs;
    }

    /** The objects that a template can name unambiguously, with their names. */
    static List<Referent> referents(Scene scene) {
        List<Referent> referents = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            name(scene, o).ifPresent(name -> referents.add(new Referent(o, name)));
        }
        return referents;
    }

    /** How questions name {@code object} in {@code scene}: "triangle", "red triangle", or empty if ambiguous. */
    public static Optional<String> name(Scene scene, SceneObject object) {
        List<SceneObject> sameShape = scene.objectsOf(object.shape());
        if (sameShape.size() == 1) {
            return Optional.of(object.shape().noun());
        }
        long sameColor = sameShape.stream().filter(o -> o.color() == object.color()).count();
        return sameColor == 1 ? Optional.of(object.color().word() + " " + object.shape().noun()) : Optional.empty();
    }

    /** Every answer word any template can have, per category (the answer vocabulary). */
    public static Set<String> answerWords() {
        Set<String> words = new LinkedHashSet<>(List.of("yes", "no"));
        words.addAll(Language.NUMBER_WORDS);
        for (ShapeColor c : ShapeColor.values()) {
            words.add(c.word());
        }
        for (Orientation o : Orientation.values()) {
            words.add(o.word());
        }
        words.addAll(List.of("filled", "hollow"));
        return words;
    }

    record Referent(SceneObject object, String name) {
    }
}
