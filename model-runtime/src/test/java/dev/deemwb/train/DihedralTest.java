package dev.deemwb.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DihedralTest {

    /** A 3×3 single-channel image whose pixels are all different. */
    private static final float[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void theEightTransformsAreDistinctPermutations() {
        Set<List<Float>> seen = new HashSet<>();
        for (int op = 0; op < Dihedral.COUNT; op++) {
            float[] out = Dihedral.apply(IMAGE, 1, 3, op);
            assertThat(out).containsExactlyInAnyOrder(IMAGE);
            List<Float> asList = new java.util.ArrayList<>();
            for (float v : out) {
                asList.add(v);
            }
            seen.add(asList);
        }
        assertThat(seen).hasSize(8);
    }

    @Test
    void aQuarterTurnMovesTheTopRowToTheRightColumn() {
        // 1 2 3        7 4 1
        // 4 5 6   →    8 5 2
        // 7 8 9        9 6 3
        assertThat(Dihedral.apply(IMAGE, 1, 3, 1)).containsExactly(7, 4, 1, 8, 5, 2, 9, 6, 3);
        assertThat(Dihedral.apply(IMAGE, 1, 3, 4)).containsExactly(3, 2, 1, 6, 5, 4, 9, 8, 7);
    }

    @Test
    void everyChannelMovesTheSameWay() {
        float[] twoChannels = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50, 60, 70, 80, 90};
        float[] out = Dihedral.apply(twoChannels, 2, 3, 6);
        for (int i = 0; i < 9; i++) {
            assertThat(out[9 + i]).isEqualTo(10 * out[i]);
        }
    }
}
