package dev.deemwb.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Locale;

/**
 * The noise schedule, the training loss and the DDIM sampler around a {@link UNet}. Noise levels
 * {@code t} are fractions of the schedule in [0, 1]; the cumulative signal level follows the cosine
 * schedule, {@code ᾱ(t) = cos²((t + s) / (1 + s) · π/2)}, normalised so that {@code ᾱ(0) = 1}.
 *
 * <p>The UNet predicts the clean image directly (x0-prediction): at high noise an ε-predicting
 * network can nearly copy its input ({@code ε ≈ x_t}) without reading its condition, so its loss
 * would teach an encoder little (DESIGN §3.4).
 */
public final class Diffusion {

    private static final double OFFSET = 0.008;
    private static final float MIN_ALPHA_BAR = 1e-4f;

    private final UNet unet;

    public Diffusion(UNet unet) {
        this.unet = unet;
    }

    public static float alphaBar(double t) {
        double f = Math.cos((t + OFFSET) / (1 + OFFSET) * Math.PI / 2);
        double f0 = Math.cos(OFFSET / (1 + OFFSET) * Math.PI / 2);
        return (float) Math.max(MIN_ALPHA_BAR, Math.min(1.0, f * f / (f0 * f0)));
    }

    /** {@code x_t = √ᾱ·x0 + √(1−ᾱ)·ε}; {@code alphaBar} is {@code (B)}. */
    static NDArray addNoise(NDArray x0, NDArray noise, NDArray alphaBar) {
        NDArray a = alphaBar.reshape(-1, 1, 1, 1);
        return x0.mul(a.sqrt()).add(noise.mul(a.neg().add(1).sqrt()));
    }

    /** The UNet's estimate of the clean image, clipped to the valid range. */
    public NDArray predictX0(ParameterStore ps, NDArray noisy, NDArray t, NDArray context, NDArray mask, boolean training) {
        return unet.forward(ps, new NDList(noisy, t, context, mask), training).singletonOrThrow();
    }

    /**
     * The denoising loss at noise levels drawn uniformly from {@code [tMin, tMax]}: squared error of
     * the x0 estimate, per pixel weighted by {@code 1 + foregroundWeight · mask} (mask {@code (B, 1, S, S)},
     * 1 on objects) so the objects, not the background, decide what the condition must carry.
     */
    public NDArray loss(ParameterStore ps, NDArray x0, NDArray context, NDArray contextMask, NDArray objectMask,
                        float foregroundWeight, float tMin, float tMax) {
        NDManager manager = x0.getManager();
        NDArray t = manager.randomUniform(tMin, tMax, new Shape(x0.getShape().get(0)));
        NDArray noise = manager.randomNormal(x0.getShape());
        return loss(ps, x0, context, contextMask, objectMask, foregroundWeight, t, noise);
    }

    /** The same loss at given noise levels {@code t (B)} and noise: deterministic, in any precision. */
    public NDArray loss(ParameterStore ps, NDArray x0, NDArray context, NDArray contextMask, NDArray objectMask,
                        float foregroundWeight, NDArray t, NDArray noise) {
        float[] ts = t.toType(DataType.FLOAT32, false).toFloatArray();
        float[] alphas = new float[ts.length];
        for (int i = 0; i < ts.length; i++) {
            alphas[i] = alphaBar(ts[i]);
        }
        NDArray noisy = addNoise(x0, noise, x0.getManager().create(alphas).toType(x0.getDataType(), false));
        NDArray estimate = predictX0(ps, noisy, t, context, contextMask, true);
        NDArray weights = objectMask.mul(foregroundWeight).add(1f);
        return estimate.sub(x0).square().mul(weights).mean();
    }

    /** Receives each DDIM step's estimate of the clean image. */
    @FunctionalInterface
    public interface StepListener {
        void onStep(int step, int steps, NDArray x0Estimate);
    }

    /**
     * Deterministic DDIM (η = 0) from noise level {@code tStart} down to 0 in {@code steps} steps,
     * starting from {@code x0} noised with {@code noise}. Returns the final image.
     */
    public NDArray sample(ParameterStore ps, NDArray x0, NDArray noise, NDArray context, NDArray contextMask,
                          float tStart, int steps, StepListener listener) {
        if (steps < 1 || tStart <= 0 || tStart > 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need steps ≥ 1 and a noise level in (0, 1], got %d steps at %.2f", steps, tStart));
        }
        NDManager manager = x0.getManager();
        long batch = x0.getShape().get(0);
        NDArray x = addNoise(x0, noise, manager.full(new Shape(batch), alphaBar(tStart)));
        NDArray estimate = x0;
        for (int i = 0; i < steps; i++) {
            float t = tStart * (steps - i) / steps;
            float next = tStart * (steps - i - 1) / steps;
            float a = alphaBar(t);
            float aNext = next == 0 ? 1f : alphaBar(next);
            estimate = predictX0(ps, x, manager.full(new Shape(batch), t), context, contextMask, false).clip(-1f, 1f);
            NDArray epsilon = x.sub(estimate.mul((float) Math.sqrt(a))).div((float) Math.sqrt(1 - a));
            x = estimate.mul((float) Math.sqrt(aNext)).add(epsilon.mul((float) Math.sqrt(1 - aNext)));
            if (listener != null) {
                listener.onStep(i + 1, steps, estimate);
            }
        }
        return x;
    }
}
