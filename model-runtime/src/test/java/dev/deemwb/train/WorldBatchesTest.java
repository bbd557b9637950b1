package dev.deemwb.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.world.Captions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneObject;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class WorldBatchesTest {

    private static final List<Scene> SCENES = LongStream.range(0, 40).mapToObj(new SceneGenerator()::generate).toList();

    @Test
    void noFlipsMeansTheSameScenesAndNoDrawFromTheRandomStream() {
        SplittableRandom random = new SplittableRandom(3);
        assertThat(WorldBatches.withFillsFlipped(SCENES, random, 0)).isSameAs(SCENES);
        assertThat(random.nextLong()).isEqualTo(new SplittableRandom(3).nextLong());
    }

    @Test
    void flippedFillsChangeNothingACaptionSays() {
        List<Scene> all = WorldBatches.withFillsFlipped(SCENES, new SplittableRandom(3), 1);
        List<Scene> half = WorldBatches.withFillsFlipped(SCENES, new SplittableRandom(3), 0.5);
        long flippedHalf = 0;
        long objects = 0;
        for (int i = 0; i < SCENES.size(); i++) {
            List<SceneObject> original = SCENES.get(i).objects();
            for (int j = 0; j < original.size(); j++) {
                assertThat(all.get(i).objects().get(j).filled()).isNotEqualTo(original.get(j).filled());
                assertThat(all.get(i).objects().get(j).withFilled(original.get(j).filled())).isEqualTo(original.get(j));
                flippedHalf += half.get(i).objects().get(j).filled() != original.get(j).filled() ? 1 : 0;
                objects++;
            }
            // Captions never say fill: the flipped view's caption is the original's, draw for draw.
            assertThat(Captions.caption(all.get(i), new SplittableRandom(i), 0.5))
                    .isEqualTo(Captions.caption(SCENES.get(i), new SplittableRandom(i), 0.5));
        }
        assertThat((double) flippedHalf / objects).isBetween(0.35, 0.65);
    }
}
