package dev.deemwb.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The UNet's residual block: two 3×3 convolutions with group norm and GELU, the diffusion time added
 * between them, and a 1×1 convolution on the skip path when the channel count changes. Inputs:
 * {@code x (B, Cin, H, W)} and the time embedding {@code (B, T)}.
 */
public final class ResBlock extends AbstractBlock {

    private final int channels;
    private final GroupNorm firstNorm;
    private final Conv2d firstConv;
    private final Linear time;
    private final GroupNorm secondNorm;
    private final Conv2d secondConv;
    private final Conv2d skip;

    public ResBlock(int inChannels, int channels, int groups) {
        this.channels = channels;
        this.firstNorm = addChildBlock("norm1", new GroupNorm(inChannels, groups));
        this.firstConv = addChildBlock("conv1", conv(channels, 3));
        this.time = addChildBlock("time", Linear.builder().setUnits(channels).build());
        this.secondNorm = addChildBlock("norm2", new GroupNorm(channels, groups));
        this.secondConv = addChildBlock("conv2", conv(channels, 3));
        this.skip = inChannels == channels ? null : addChildBlock("skip", conv(channels, 1));
    }

    static Conv2d conv(int filters, int kernel) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2)).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray timeEmbedding = inputs.get(1);
        NDArray h = Activation.gelu(firstNorm.forward(ps, new NDList(x), training).singletonOrThrow());
        h = firstConv.forward(ps, new NDList(h), training).singletonOrThrow();
        NDArray t = time.forward(ps, new NDList(timeEmbedding), training).singletonOrThrow();
        h = h.add(t.reshape(t.getShape().get(0), channels, 1, 1));
        h = Activation.gelu(secondNorm.forward(ps, new NDList(h), training).singletonOrThrow());
        h = secondConv.forward(ps, new NDList(h), training).singletonOrThrow();
        NDArray shortcut = skip == null ? x : skip.forward(ps, new NDList(x), training).singletonOrThrow();
        return new NDList(h.add(shortcut));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), channels, x.get(2), x.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape out = getOutputShapes(inputShapes)[0];
        firstNorm.initialize(manager, dataType, x);
        firstConv.initialize(manager, dataType, x);
        time.initialize(manager, dataType, inputShapes[1]);
        secondNorm.initialize(manager, dataType, out);
        secondConv.initialize(manager, dataType, out);
        if (skip != null) {
            skip.initialize(manager, dataType, x);
        }
    }
}
