package dev.deemwb.infer;

/**
 * The reconstruction that the app shows first, the CLI runs without options, the speed benchmark
 * times and the evaluation table measures: one setting, so their numbers describe the same picture.
 */
public final class ReconstructionDefaults {

    /** How far into the noise schedule the input is pushed before denoising: enough to need the tokens. */
    public static final float NOISE = 0.65f;
    public static final int STEPS = 20;
    /** The same values as text, for picocli's {@code defaultValue} (annotation values must be constants). */
    public static final String NOISE_TEXT = "" + NOISE;
    public static final String STEPS_TEXT = "" + STEPS;

    private ReconstructionDefaults() {
    }
}
