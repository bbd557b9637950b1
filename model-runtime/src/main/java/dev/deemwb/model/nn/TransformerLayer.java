package dev.deemwb.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A pre-norm transformer layer: attention with a residual, then a GELU MLP with a residual. Its
 * attention is either over the layer's own input (self; optionally causal) or over a context
 * (cross). Inputs: {@code x}, then for cross-attention the context, then optionally a key mask.
 */
public final class TransformerLayer extends ShapePreservingBlock {

    private final boolean cross;
    private final LayerNorm attentionNorm;
    private final Attention attention;
    private final LayerNorm mlpNorm;
    private final Linear hidden;
    private final Linear projection;
    private final int dim;

    private TransformerLayer(int dim, int heads, boolean causal, boolean cross) {
        this.dim = dim;
        this.cross = cross;
        this.attentionNorm = addChildBlock("attention_norm", LayerNorm.builder().axis(2).build());
        this.attention = addChildBlock("attention", new Attention(dim, heads, causal));
        this.mlpNorm = addChildBlock("mlp_norm", LayerNorm.builder().axis(2).build());
        this.hidden = addChildBlock("mlp_hidden", Linear.builder().setUnits(4L * dim).build());
        this.projection = addChildBlock("mlp_out", Linear.builder().setUnits(dim).build());
    }

    public static TransformerLayer self(int dim, int heads, boolean causal) {
        return new TransformerLayer(dim, heads, causal, false);
    }

    public static TransformerLayer cross(int dim, int heads) {
        return new TransformerLayer(dim, heads, false, true);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray normed = attentionNorm.forward(ps, new NDList(x), training).singletonOrThrow();
        NDList attentionInputs = new NDList(normed, cross ? inputs.get(1) : normed);
        int maskIndex = cross ? 2 : 1;
        if (inputs.size() > maskIndex) {
            attentionInputs.add(inputs.get(maskIndex));
        }
        x = x.add(attention.forward(ps, attentionInputs, training).singletonOrThrow());
        NDArray h = mlpNorm.forward(ps, new NDList(x), training).singletonOrThrow();
        h = Activation.gelu(hidden.forward(ps, new NDList(h), training).singletonOrThrow());
        return new NDList(x.add(projection.forward(ps, new NDList(h), training).singletonOrThrow()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        attentionNorm.initialize(manager, dataType, x);
        attention.initialize(manager, dataType, x, cross ? inputShapes[1] : x);
        mlpNorm.initialize(manager, dataType, x);
        hidden.initialize(manager, dataType, x);
        projection.initialize(manager, dataType, x.slice(0, x.dimension() - 1).add(4L * dim));
    }
}
