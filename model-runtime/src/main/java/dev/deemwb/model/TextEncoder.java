package dev.deemwb.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.deemwb.model.nn.TokenEmbedding;
import dev.deemwb.model.nn.TransformerLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * A small bidirectional transformer over word ids. Inputs: ids {@code (B, L)} and a mask
 * {@code (B, L)} (1 for words, 0 for padding); output: per-word states {@code (B, L, dim)}. One
 * instance reads captions for the CLIP loss; another reads detailed descriptions for the diffusion
 * model, whose cross-attention consumes the per-word states.
 */
public final class TextEncoder extends AbstractBlock {

    private final int dim;
    private final TokenEmbedding embedding;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final LayerNorm norm;

    public TextEncoder(int vocabularySize, int maxLength, int dim, int layerCount, int heads) {
        this.dim = dim;
        this.embedding = addChildBlock("embedding", new TokenEmbedding(vocabularySize, maxLength, dim));
        for (int i = 0; i < layerCount; i++) {
            layers.add(addChildBlock("layer" + i, TransformerLayer.self(dim, heads, false)));
        }
        this.norm = addChildBlock("norm", LayerNorm.builder().axis(2).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray mask = inputs.get(1);
        NDArray x = embedding.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
        for (TransformerLayer layer : layers) {
            x = layer.forward(ps, new NDList(x, mask), training).singletonOrThrow();
        }
        return norm.forward(ps, new NDList(x), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(dim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, inputShapes[0]);
        Shape states = inputShapes[0].add(dim);
        for (TransformerLayer layer : layers) {
            layer.initialize(manager, dataType, states);
        }
        norm.initialize(manager, dataType, states);
    }
}
