package dev.deemwb.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every block of a mini-DEEM bundle, initialised and owned by one NDManager: the frozen diffusion
 * model (UNet and the text encoder it was pretrained with), shared by both variants, and for each
 * {@link Variant} its image encoder, CLIP text encoder and heads, the projection of its visual tokens
 * into the UNet's conditioning space (DEEM's {@code proj_i}) and its language model.
 */
public final class MiniDeemModels implements AutoCloseable {

    /** One variant's blocks. */
    public record Eyes(ImageEncoder encoder, TextEncoder clipText, ClipHeads clipHeads, Block projection,
                       LanguageModel languageModel) {
    }

    private final NDManager manager;
    private final ModelConfig config;
    private final WordTokenizer tokenizer;
    private final TextEncoder diffusionText;
    private final UNet unet;
    private final Map<Variant, Eyes> eyes = new EnumMap<>(Variant.class);

    private MiniDeemModels(NDManager manager, ModelConfig config, WordTokenizer tokenizer, DataType dataType) {
        this.manager = manager;
        this.config = config;
        this.tokenizer = tokenizer;
        this.diffusionText = textEncoder(config, tokenizer);
        this.unet = new UNet(config);
        for (Variant variant : Variant.values()) {
            eyes.put(variant, new Eyes(new ImageEncoder(config), textEncoder(config, tokenizer),
                    new ClipHeads(config.embedDim()), projection(config),
                    new LanguageModel(config, tokenizer.size())));
        }
        initialise(dataType);
    }

    /** New models with freshly initialised parameters, owned by a sub-manager of {@code parent}. */
    public static MiniDeemModels create(NDManager parent, ModelConfig config, WordTokenizer tokenizer) {
        return create(parent, config, tokenizer, DataType.FLOAT32);
    }

    /** The same in another precision: float64 models are the numerics check's reference. */
    public static MiniDeemModels create(NDManager parent, ModelConfig config, WordTokenizer tokenizer,
                                        DataType dataType) {
        return new MiniDeemModels(parent.newSubManager(), config, tokenizer, dataType);
    }

    private static TextEncoder textEncoder(ModelConfig config, WordTokenizer tokenizer) {
        return new TextEncoder(tokenizer.size(), config.maxTextLength(), config.textDim(), config.textLayers(),
                config.heads());
    }

    private static Block projection(ModelConfig config) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(config.textDim()).build())
                .add(LayerNorm.builder().axis(2).build());
    }

    private void initialise(DataType f) {
        Shape text = new Shape(1, config.maxTextLength());
        Shape tokens = new Shape(1, config.visualTokens(), config.tokenDim());
        Shape condition = new Shape(1, config.visualTokens(), config.textDim());
        diffusionText.initialize(manager, f, text, text);
        int s = config.diffusionSize();
        unet.initialize(manager, f, new Shape(1, 3, s, s), new Shape(1), condition, new Shape(1, config.visualTokens()));
        for (Eyes e : eyes.values()) {
            e.encoder().initialize(manager, f, new Shape(1, 3, config.imageSize(), config.imageSize()));
            e.clipText().initialize(manager, f, text, text);
            e.clipHeads().initialize(manager, f, tokens, new Shape(1, config.maxTextLength(), config.textDim()), text);
            e.projection().initialize(manager, f, tokens);
            e.languageModel().initialize(manager, f, tokens, new Shape(1, config.maxPromptLength()));
        }
    }

    /** Every block under the name of its parameter file in a bundle, e.g. {@code deem-encoder}. */
    public Map<String, Block> namedBlocks() {
        Map<String, Block> blocks = new LinkedHashMap<>();
        blocks.put("diffusion-text", diffusionText);
        blocks.put("unet", unet);
        eyes.forEach((variant, e) -> {
            blocks.put(variant.id() + "-encoder", e.encoder());
            blocks.put(variant.id() + "-clip-text", e.clipText());
            blocks.put(variant.id() + "-clip-heads", e.clipHeads());
            blocks.put(variant.id() + "-projection", e.projection());
            blocks.put(variant.id() + "-lmm", e.languageModel());
        });
        return blocks;
    }

    public Eyes eyes(Variant variant) {
        return eyes.get(variant);
    }

    public UNet unet() {
        return unet;
    }

    public TextEncoder diffusionText() {
        return diffusionText;
    }

    public ModelConfig config() {
        return config;
    }

    public WordTokenizer tokenizer() {
        return tokenizer;
    }

    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
