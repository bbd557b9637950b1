package dev.deemwb.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The contrastive heads: mean-pooled visual tokens and mean-pooled caption states, each projected
 * into a shared space and L2-normalised. Inputs: visual tokens {@code (B, M, D)}, caption states
 * {@code (B, L, C)} and the caption mask {@code (B, L)}; outputs: the two embeddings {@code (B, E)}.
 */
public final class ClipHeads extends AbstractBlock {

    private final int embedDim;
    private final Linear imageHead;
    private final Linear textHead;

    public ClipHeads(int embedDim) {
        this.embedDim = embedDim;
        this.imageHead = addChildBlock("image_head", Linear.builder().setUnits(embedDim).build());
        this.textHead = addChildBlock("text_head", Linear.builder().setUnits(embedDim).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray image = inputs.get(0).mean(new int[] {1});
        NDArray mask = inputs.get(2).expandDims(2);
        NDArray text = inputs.get(1).mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}));
        return new NDList(
                normalise(imageHead.forward(ps, new NDList(image), training).singletonOrThrow()),
                normalise(textHead.forward(ps, new NDList(text), training).singletonOrThrow()));
    }

    private static NDArray normalise(NDArray x) {
        return x.div(x.square().sum(new int[] {1}, true).add(1e-8f).sqrt());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {new Shape(batch, embedDim), new Shape(batch, embedDim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        imageHead.initialize(manager, dataType, new Shape(inputShapes[0].get(0), inputShapes[0].get(2)));
        textHead.initialize(manager, dataType, new Shape(inputShapes[1].get(0), inputShapes[1].get(2)));
    }
}
