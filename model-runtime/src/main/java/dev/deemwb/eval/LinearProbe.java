package dev.deemwb.eval;

import java.util.Arrays;

/**
 * Multinomial logistic regression on standardised features, trained by full-batch Adam with a
 * little weight decay: the "small classifier" of a token probe. Plain Java and deterministic, so a
 * probe's number never depends on the engine's kernels.
 */
final class LinearProbe {

    private static final int ITERATIONS = 300;
    private static final double LEARNING_RATE = 0.05;
    private static final double WEIGHT_DECAY = 1e-3;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;

    private final int classes;
    private final int features;
    private final double[] mean;
    private final double[] scale;
    /** {@code (features + 1) × classes}, the last row the bias. */
    private final double[] weights;

    private LinearProbe(int classes, int features, double[] mean, double[] scale, double[] weights) {
        this.classes = classes;
        this.features = features;
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    static LinearProbe fit(float[][] x, int[] labels, int classes) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) n;
            }
        }
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += Math.pow(row[j] - mean[j], 2) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.sqrt(scale[j]) + 1e-6;
        }
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = standardise(x[i], mean, scale);
        }
        double[] w = new double[(d + 1) * classes];
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        double[] gradient = new double[w.length];
        double[] probabilities = new double[classes];
        for (int t = 1; t <= ITERATIONS; t++) {
            Arrays.fill(gradient, 0);
            for (int i = 0; i < n; i++) {
                softmax(z[i], w, d, classes, probabilities);
                probabilities[labels[i]] -= 1;
                for (int j = 0; j <= d; j++) {
                    double feature = j < d ? z[i][j] : 1;
                    for (int c = 0; c < classes; c++) {
                        gradient[j * classes + c] += feature * probabilities[c] / n;
                    }
                }
            }
            for (int k = 0; k < w.length; k++) {
                double g = gradient[k] + (k < d * classes ? WEIGHT_DECAY * w[k] : 0);
                m[k] = BETA1 * m[k] + (1 - BETA1) * g;
                v[k] = BETA2 * v[k] + (1 - BETA2) * g * g;
                double mHat = m[k] / (1 - Math.pow(BETA1, t));
                double vHat = v[k] / (1 - Math.pow(BETA2, t));
                w[k] -= LEARNING_RATE * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        return new LinearProbe(classes, d, mean, scale, w);
    }

    int predict(float[] x) {
        double[] probabilities = new double[classes];
        softmax(standardise(x, mean, scale), weights, features, classes, probabilities);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    private static double[] standardise(float[] x, double[] mean, double[] scale) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
        return z;
    }

    private static void softmax(double[] z, double[] w, int d, int classes, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double logit = w[d * classes + c];
            for (int j = 0; j < d; j++) {
                logit += z[j] * w[j * classes + c];
            }
            out[c] = logit;
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < classes; c++) {
            out[c] /= sum;
        }
    }
}
