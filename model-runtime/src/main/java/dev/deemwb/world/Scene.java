package dev.deemwb.world;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A scene of the shapes world: the objects and the seed that drew them (the seed also drives the
 * randomness of out-of-distribution transforms, so a scene's JSON regenerates its image exactly).
 */
public record Scene(long seed, List<SceneObject> objects) {

    public static final int MAX_OBJECTS = 4;

    public Scene {
        Objects.requireNonNull(objects, "a scene needs its 'objects' list");
        objects = List.copyOf(objects);
        if (objects.isEmpty() || objects.size() > MAX_OBJECTS) {
            throw new IllegalArgumentException("a scene has 1.." + MAX_OBJECTS + " objects, not " + objects.size());
        }
        Set<Integer> cells = new HashSet<>();
        for (SceneObject o : objects) {
            if (!cells.add(o.cell())) {
                throw new IllegalArgumentException("two objects share grid cell " + o.cell());
            }
        }
    }

    public Set<Shape> shapes() {
        Set<Shape> shapes = EnumSet.noneOf(Shape.class);
        objects.forEach(o -> shapes.add(o.shape()));
        return shapes;
    }

    public Map<Shape, Integer> shapeCounts() {
        Map<Shape, Integer> counts = new EnumMap<>(Shape.class);
        objects.forEach(o -> counts.merge(o.shape(), 1, Integer::sum));
        return counts;
    }

    public boolean contains(Shape shape) {
        return objects.stream().anyMatch(o -> o.shape() == shape);
    }

    public List<SceneObject> objectsOf(Shape shape) {
        return objects.stream().filter(o -> o.shape() == shape).toList();
    }

    /** A copy with object {@code index} replaced, for minimal pairs. */
    public Scene withObject(int index, UnaryOperator<SceneObject> change) {
        List<SceneObject> changed = new ArrayList<>(objects);
        changed.set(index, change.apply(changed.get(index)));
        return new Scene(seed, changed);
    }
}
