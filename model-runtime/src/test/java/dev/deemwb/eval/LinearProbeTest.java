package dev.deemwb.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

    @Test
    void readsALabelThatIsLinearlyInTheFeaturesAndNothingFromNoise() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 600;
        float[][] x = new float[n][20];
        int[] linear = new int[n];
        int[] noise = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 20; j++) {
                x[i][j] = (float) random.nextGaussian();
            }
            // three classes by the sign pattern of two directions of the features
            double a = x[i][3] + 0.5 * x[i][7];
            linear[i] = a < -0.4 ? 0 : a < 0.4 ? 1 : 2;
            noise[i] = random.nextInt(3);
        }

        assertThat(heldOutAccuracy(x, linear)).isGreaterThan(0.9);
        assertThat(heldOutAccuracy(x, noise)).isBetween(0.2, 0.47);
    }

    private static double heldOutAccuracy(float[][] x, int[] labels) {
        int train = 400;
        LinearProbe probe = LinearProbe.fit(Arrays.copyOf(x, train), Arrays.copyOf(labels, train), 3);
        int right = 0;
        for (int i = train; i < x.length; i++) {
            right += probe.predict(x[i]) == labels[i] ? 1 : 0;
        }
        return right / (double) (x.length - train);
    }
}
