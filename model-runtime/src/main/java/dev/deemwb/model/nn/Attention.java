package dev.deemwb.model.nn;

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
 * Multi-head scaled dot-product attention of queries {@code x (B, Lq, dim)} over a context
 * {@code (B, Lk, contextDim)} (for self-attention, {@code x} again). Inputs: {@code x}, the context,
 * and optionally a key mask {@code (B, Lk)} with 1 for keys to attend to and 0 for padding.
 * {@code causal} lets query i attend only to keys up to its own position (for the decoder).
 */
public final class Attention extends AbstractBlock {

    private static final float MASKED = -1e9f;

    private final int dim;
    private final int heads;
    private final boolean causal;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;

    public Attention(int dim, int heads, boolean causal) {
        if (dim % heads != 0) {
            throw new IllegalArgumentException("dim " + dim + " is not divisible by " + heads + " heads");
        }
        this.dim = dim;
        this.heads = heads;
        this.causal = causal;
        this.query = addChildBlock("query", Linear.builder().setUnits(dim).build());
        this.key = addChildBlock("key", Linear.builder().setUnits(dim).build());
        this.value = addChildBlock("value", Linear.builder().setUnits(dim).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(dim).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray context = inputs.get(1);
        NDArray keyMask = inputs.size() > 2 ? inputs.get(2) : null;
        long batch = x.getShape().get(0);
        long queries = x.getShape().get(1);
        long keys = context.getShape().get(1);
        NDArray q = split(query.forward(ps, new NDList(x), training).singletonOrThrow(), batch, queries);
        NDArray k = split(key.forward(ps, new NDList(context), training).singletonOrThrow(), batch, keys);
        NDArray v = split(value.forward(ps, new NDList(context), training).singletonOrThrow(), batch, keys);
        NDArray scores = Scalars.dividedBy(q.matMul(k.transpose(0, 1, 3, 2)), (float) Math.sqrt(dim / (double) heads));
        if (keyMask != null) {
            // (B, Lk) → (B, 1, 1, Lk): 0 where attended, a large negative number where padded.
            NDArray bias = keyMask.toType(DataType.FLOAT32, false).sub(1).mul(-MASKED).reshape(batch, 1, 1, keys);
            scores = scores.add(bias);
        }
        if (causal) {
            scores = scores.add(causalBias(x.getManager(), queries, keys));
        }
        NDArray attended = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(batch, queries, dim);
        return output.forward(ps, new NDList(attended), training);
    }

    /** (B, L, dim) → (B, heads, L, dim/heads). */
    private NDArray split(NDArray a, long batch, long length) {
        return a.reshape(batch, length, heads, dim / heads).transpose(0, 2, 1, 3);
    }

    private static NDArray causalBias(NDManager manager, long queries, long keys) {
        float[] bias = new float[(int) (queries * keys)];
        for (int i = 0; i < queries; i++) {
            for (int j = 0; j < keys; j++) {
                bias[(int) (i * keys + j)] = j > i + (keys - queries) ? MASKED : 0f;
            }
        }
        return manager.create(bias, new Shape(queries, keys));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].slice(0, 2).add(dim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape contextShape = inputShapes[1];
        query.initialize(manager, dataType, inputShapes[0]);
        key.initialize(manager, dataType, contextShape);
        value.initialize(manager, dataType, contextShape);
        output.initialize(manager, dataType, inputShapes[0].slice(0, 2).add(dim));
    }
}
