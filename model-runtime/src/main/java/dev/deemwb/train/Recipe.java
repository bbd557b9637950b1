package dev.deemwb.train;

/**
 * The training recipe of a mini-DEEM bundle (DESIGN §3.3), stored in its manifest.
 *
 * @param diffusionSteps      stage 0: text-to-image pretraining of the UNet, then frozen for good
 * @param foregroundWeight    extra loss weight on object pixels (1 + w on objects, 1 on background)
 * @param clipSteps           stage 1: contrastive pretraining of the shared encoder
 * @param forkSteps           stage 2: N more steps, plain CLIP for the baseline, CLIP + λ·CSR for DEEM
 * @param csrWeight           λ, the weight of the diffusion loss on DEEM's encoder
 * @param csrMinNoise         lowest noise level of the CSR loss (fraction of the schedule)
 * @param csrMaxNoise         highest noise level of the CSR loss
 * @param projectionSteps     the baseline's reconstruction projection, trained on its frozen tokens
 * @param lmmSteps            stage 3: each language model on its frozen encoder
 */
public record Recipe(int diffusionSteps, int diffusionBatch, float diffusionLearningRate, float foregroundWeight,
                     int clipSteps, int clipBatch, float clipLearningRate,
                     int forkSteps, int forkBatch, float forkLearningRate, float csrWeight,
                     float csrMinNoise, float csrMaxNoise, int projectionSteps,
                     int lmmSteps, int lmmBatch, float lmmLearningRate, float logitScale) {

    public static final String DEFAULT_NAME = "standard";

    /** The shipped default bundle's recipe. */
    public static Recipe standard() {
        return new Recipe(1500, 32, 2e-3f, 4f,
                1500, 64, 1e-3f,
                1200, 32, 5e-4f, 5f, 0.4f, 0.9f, 600,
                2500, 64, 1e-3f, 20f);
    }

    /**
     * The variant where DEEM's encoder gets the diffusion feedback from its first step: no shared
     * CLIP stage, the baseline trains CLIP for all of its steps and DEEM CLIP + λ·CSR for as many.
     * Tried because, with a shared CLIP stage first, the feedback of the fork came too late to
     * change what the bottleneck keeps (see the closing notes and docs/evaluation.md).
     */
    public static Recipe csrThroughout() {
        Recipe standard = standard();
        return new Recipe(standard.diffusionSteps, standard.diffusionBatch, standard.diffusionLearningRate,
                standard.foregroundWeight, 0, standard.clipBatch, standard.clipLearningRate,
                standard.clipSteps + standard.forkSteps, standard.forkBatch, 1e-3f, standard.csrWeight,
                standard.csrMinNoise, standard.csrMaxNoise, standard.projectionSteps, standard.lmmSteps,
                standard.lmmBatch, standard.lmmLearningRate, standard.logitScale);
    }

    /** A few steps of everything, for tests: the same code paths in seconds. */
    public static Recipe tiny() {
        return new Recipe(6, 4, 2e-3f, 4f, 6, 8, 1e-3f, 4, 4, 5e-4f, 5f, 0.4f, 0.9f, 3, 8, 8, 1e-3f, 20f);
    }

    public static Recipe named(String name) {
        return switch (name) {
            case "standard" -> standard();
            case "tiny" -> tiny();
            case "csr-throughout" -> csrThroughout();
            default -> throw new IllegalArgumentException(
                    "unknown recipe '" + name + "' (known: standard, csr-throughout, tiny)");
        };
    }
}
