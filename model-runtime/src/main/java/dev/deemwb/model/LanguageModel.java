package dev.deemwb.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.deemwb.model.nn.TokenEmbedding;
import dev.deemwb.model.nn.TransformerLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * The LMM: a small decoder-only transformer. The visual tokens, projected to its width, form a
 * prefix; the prompt follows as {@code question words, <bos>, answer words, <eos>} and every position
 * predicts the next word. Inputs: visual tokens {@code (B, M, D)} and ids {@code (B, T)}; output:
 * next-word logits {@code (B, T, V)} for the text positions.
 */
public final class LanguageModel extends AbstractBlock {

    private final ModelConfig config;
    private final int vocabularySize;
    private final Linear visualProjection;
    private final Parameter visualPositions;
    private final TokenEmbedding embedding;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final LayerNorm norm;
    private final Linear head;

    public LanguageModel(ModelConfig config, int vocabularySize) {
        this.config = config;
        this.vocabularySize = vocabularySize;
        int d = config.lmmDim();
        this.visualProjection = addChildBlock("visual_projection", Linear.builder().setUnits(d).build());
        this.visualPositions = addParameter(Parameter.builder().setName("visual_positions").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.visualTokens(), d)).optInitializer(new NormalInitializer(0.02f)).build());
        this.embedding = addChildBlock("embedding", new TokenEmbedding(vocabularySize, config.maxPromptLength(), d));
        for (int i = 0; i < config.lmmLayers(); i++) {
            layers.add(addChildBlock("layer" + i, TransformerLayer.self(d, config.heads(), true)));
        }
        this.norm = addChildBlock("norm", LayerNorm.builder().axis(2).build());
        this.head = addChildBlock("head", Linear.builder().setUnits(vocabularySize).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray visual = visualProjection.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow()
                .add(ps.getValue(visualPositions, inputs.get(0).getDevice(), training));
        NDArray text = embedding.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow();
        NDArray x = visual.concat(text, 1);
        for (TransformerLayer layer : layers) {
            x = layer.forward(ps, new NDList(x), training).singletonOrThrow();
        }
        x = norm.forward(ps, new NDList(x.get(":, " + config.visualTokens() + ":, :")), training).singletonOrThrow();
        return head.forward(ps, new NDList(x), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1].add(vocabularySize)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        int d = config.lmmDim();
        visualProjection.initialize(manager, dataType, inputShapes[0]);
        embedding.initialize(manager, dataType, inputShapes[1]);
        Shape sequence = new Shape(batch, config.visualTokens() + inputShapes[1].get(1), d);
        for (TransformerLayer layer : layers) {
            layer.initialize(manager, dataType, sequence);
        }
        Shape text = inputShapes[1].add(d);
        norm.initialize(manager, dataType, text);
        head.initialize(manager, dataType, text);
    }
}
