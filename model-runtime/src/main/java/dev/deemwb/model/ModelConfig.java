package dev.deemwb.model;

/**
 * The architecture hyperparameters of a mini-DEEM bundle (stored in its manifest).
 *
 * @param imageSize        side of the encoder's input image
 * @param encoderChannels  channels of the first CNN stage (doubled by the second)
 * @param tokenDim         width of the grid features and visual tokens
 * @param visualTokens     Perceiver queries: the only thing the LMM and the UNet see of an image
 * @param heads            attention heads everywhere
 * @param textDim          width of both text encoders (CLIP's and the diffusion model's)
 * @param textLayers       transformer layers of each text encoder
 * @param maxTextLength    longest caption or description, in words
 * @param embedDim         width of the shared CLIP embedding space
 * @param lmmDim           width of the decoder-only language model
 * @param lmmLayers        its layers
 * @param maxPromptLength  longest question plus answer, in words
 * @param unetChannels     channels of the UNet's first level (doubled below it)
 * @param diffusionSize    side of the images the diffusion model draws
 * @param diffusionSteps   discrete noise levels of the schedule
 */
public record ModelConfig(int imageSize, int encoderChannels, int tokenDim, int visualTokens, int heads,
                          int textDim, int textLayers, int maxTextLength, int embedDim,
                          int lmmDim, int lmmLayers, int maxPromptLength,
                          int unetChannels, int diffusionSize, int diffusionSteps) {

    /** The shipped default: small enough to train on a laptop CPU in under an hour. */
    public static ModelConfig standard() {
        return new ModelConfig(64, 32, 64, 8, 4, 64, 2, 40, 64, 96, 2, 24, 32, 32, 1000);
    }

    /** A tiny configuration for tests: same code paths, seconds to train. */
    public static ModelConfig tiny() {
        return new ModelConfig(64, 8, 16, 4, 2, 16, 1, 40, 16, 16, 1, 24, 8, 32, 1000);
    }

    /** The same architecture with a language model of {@code layers} layers. */
    public ModelConfig withLmmLayers(int layers) {
        return new ModelConfig(imageSize, encoderChannels, tokenDim, visualTokens, heads, textDim, textLayers,
                maxTextLength, embedDim, lmmDim, layers, maxPromptLength, unetChannels, diffusionSize, diffusionSteps);
    }

    /** The grid the CNN reduces the image to (three stride-2 stages). */
    public int gridSize() {
        return imageSize / 8;
    }
}
