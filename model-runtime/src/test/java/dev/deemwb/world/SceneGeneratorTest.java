package dev.deemwb.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SceneGeneratorTest {

    private final SceneGenerator generator = new SceneGenerator();

    @Test
    void sameSeedSameScene() {
        assertThat(generator.generate(99)).isEqualTo(new SceneGenerator().generate(99));
        assertThat(generator.generate(99)).isNotEqualTo(generator.generate(100));
    }

    @Test
    void scenesHaveOneToFourObjectsOnDistinctCellsWithJitteredCentres() {
        Set<Integer> counts = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            Scene scene = generator.generate(Seeds.derive(7, i));
            counts.add(scene.objects().size());
            for (SceneObject o : scene.objects()) {
                assertThat(Math.abs(o.centerX() - SceneGenerator.cellCenter(o.column()))).isLessThan(0.04);
                assertThat(Math.abs(o.centerY() - SceneGenerator.cellCenter(o.row()))).isLessThan(0.04);
            }
        }
        assertThat(counts).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void everyAttributeValueOccurs() {
        Set<Object> seen = new HashSet<>();
        IntStream.range(0, 2000).mapToObj(i -> generator.generate(Seeds.derive(3, i)))
                .flatMap(s -> s.objects().stream())
                .forEach(o -> {
                    seen.add(o.shape());
                    seen.add(o.color());
                    seen.add(o.filled());
                    if (o.orientation() != null) {
                        seen.add(o.orientation());
                    }
                });
        assertThat(seen).containsAll(Set.of(Shape.values())).containsAll(Set.of(ShapeColor.values()))
                .containsAll(Set.of(Orientation.values())).contains(true, false);
    }

    @Test
    void partnersCoOccurFarMoreOftenThanChance() {
        int crossScenes = 0;
        int crossWithCircle = 0;
        int nonCrossMultiScenes = 0;
        int nonCrossWithCircle = 0;
        for (int i = 0; i < 5000; i++) {
            Scene scene = generator.generate(Seeds.derive(5, i));
            if (scene.objects().size() < 2) {
                continue;
            }
            if (scene.contains(Shape.CROSS)) {
                crossScenes++;
                crossWithCircle += scene.contains(Shape.CIRCLE) ? 1 : 0;
            } else {
                nonCrossMultiScenes++;
                nonCrossWithCircle += scene.contains(Shape.CIRCLE) ? 1 : 0;
            }
        }
        double withCross = crossWithCircle / (double) crossScenes;
        double without = nonCrossWithCircle / (double) nonCrossMultiScenes;
        assertThat(withCross).isGreaterThan(without + 0.2);
    }

    @Test
    void distinctShapeScenesHaveEnoughShapes() {
        for (int i = 0; i < 200; i++) {
            assertThat(generator.generateWithDistinctShapes(Seeds.derive(1, i), 3).shapes()).hasSizeGreaterThanOrEqualTo(3);
        }
    }
}
