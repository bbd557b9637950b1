package dev.deemwb.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.deemwb.model.nn.GroupNorm;
import dev.deemwb.model.nn.ResBlock;
import dev.deemwb.model.nn.ShapePreservingBlock;
import dev.deemwb.model.nn.TransformerLayer;

/**
 * The conditional denoiser at 32×32: a two-level UNet whose only view of the image being drawn is
 * cross-attention to its conditioning tokens (at 16×16 and 8×8). Inputs: the noisy image
 * {@code (B, 3, S, S)}, the noise level {@code t (B)} as a fraction of the schedule, the conditioning
 * tokens {@code (B, L, C)} and their mask {@code (B, L)}. Output: the network's prediction, read by
 * {@link Diffusion} according to its parametrisation.
 */
public final class UNet extends ShapePreservingBlock {

    private static final int GROUPS = 8;

    private final int channels;
    private final int timeDim;
    private final Linear timeHidden;
    private final Linear timeOut;
    private final Conv2d input;
    private final ResBlock top;
    private final Conv2d downToMiddle;
    private final ResBlock middle;
    private final TransformerLayer middleAttention;
    private final Conv2d downToBottom;
    private final ResBlock bottom;
    private final TransformerLayer bottomAttention;
    private final ResBlock bottomSecond;
    private final ResBlock middleUp;
    private final TransformerLayer middleUpAttention;
    private final ResBlock topUp;
    private final GroupNorm outputNorm;
    private final Conv2d output;

    public UNet(ModelConfig config) {
        int c = config.unetChannels();
        int c2 = 2 * c;
        this.channels = c;
        this.timeDim = 4 * c;
        this.timeHidden = addChildBlock("time_hidden", Linear.builder().setUnits(timeDim).build());
        this.timeOut = addChildBlock("time_out", Linear.builder().setUnits(timeDim).build());
        this.input = addChildBlock("input", conv(c, 3, 1));
        this.top = addChildBlock("top", new ResBlock(c, c, GROUPS));
        this.downToMiddle = addChildBlock("down1", conv(c2, 3, 2));
        this.middle = addChildBlock("middle", new ResBlock(c2, c2, GROUPS));
        this.middleAttention = addChildBlock("middle_attention", TransformerLayer.cross(c2, config.heads()));
        this.downToBottom = addChildBlock("down2", conv(c2, 3, 2));
        this.bottom = addChildBlock("bottom", new ResBlock(c2, c2, GROUPS));
        this.bottomAttention = addChildBlock("bottom_attention", TransformerLayer.cross(c2, config.heads()));
        this.bottomSecond = addChildBlock("bottom2", new ResBlock(c2, c2, GROUPS));
        this.middleUp = addChildBlock("middle_up", new ResBlock(2 * c2, c2, GROUPS));
        this.middleUpAttention = addChildBlock("middle_up_attention", TransformerLayer.cross(c2, config.heads()));
        this.topUp = addChildBlock("top_up", new ResBlock(c2 + c, c, GROUPS));
        this.outputNorm = addChildBlock("output_norm", new GroupNorm(c, GROUPS));
        this.output = addChildBlock("output", conv(3, 3, 1));
    }

    private static Conv2d conv(int filters, int kernel, int stride) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2)).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray context = inputs.get(2);
        NDArray mask = inputs.get(3);
        NDArray time = timeEmbedding(ps, inputs.get(1), training);

        NDArray h0 = input.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray h1 = top.forward(ps, new NDList(h0, time), training).singletonOrThrow();
        NDArray h2 = downToMiddle.forward(ps, new NDList(h1), training).singletonOrThrow();
        h2 = middle.forward(ps, new NDList(h2, time), training).singletonOrThrow();
        h2 = attend(ps, middleAttention, h2, context, mask, training);
        NDArray h3 = downToBottom.forward(ps, new NDList(h2), training).singletonOrThrow();
        h3 = bottom.forward(ps, new NDList(h3, time), training).singletonOrThrow();
        h3 = attend(ps, bottomAttention, h3, context, mask, training);
        h3 = bottomSecond.forward(ps, new NDList(h3, time), training).singletonOrThrow();

        NDArray u2 = NDArrays.concat(new NDList(upsample(h3), h2), 1);
        u2 = middleUp.forward(ps, new NDList(u2, time), training).singletonOrThrow();
        u2 = attend(ps, middleUpAttention, u2, context, mask, training);
        NDArray u1 = NDArrays.concat(new NDList(upsample(u2), h1), 1);
        u1 = topUp.forward(ps, new NDList(u1, time), training).singletonOrThrow();
        NDArray out = Activation.gelu(outputNorm.forward(ps, new NDList(u1), training).singletonOrThrow());
        return output.forward(ps, new NDList(out), training);
    }

    /** Sinusoidal features of the noise level, then a two-layer MLP. */
    private NDArray timeEmbedding(ParameterStore ps, NDArray t, boolean training) {
        NDArray features = sinusoid(t, channels);
        NDArray hidden = Activation.gelu(timeHidden.forward(ps, new NDList(features), training).singletonOrThrow());
        return timeOut.forward(ps, new NDList(hidden), training).singletonOrThrow();
    }

    static NDArray sinusoid(NDArray t, int dim) {
        NDManager manager = t.getManager();
        int half = dim / 2;
        float[] frequencies = new float[half];
        for (int i = 0; i < half; i++) {
            frequencies[i] = (float) Math.exp(-Math.log(10_000) * i / half);
        }
        NDArray angles = t.mul(1000f).reshape(-1, 1).mul(manager.create(frequencies).reshape(1, half));
        return angles.sin().concat(angles.cos(), 1);
    }

    /** Cross-attention of every pixel of {@code h} to the conditioning tokens, with a residual. */
    private static NDArray attend(ParameterStore ps, TransformerLayer layer, NDArray h, NDArray context, NDArray mask,
                                  boolean training) {
        Shape shape = h.getShape();
        NDArray pixels = h.reshape(shape.get(0), shape.get(1), -1).transpose(0, 2, 1);
        NDArray attended = layer.forward(ps, new NDList(pixels, context, mask), training).singletonOrThrow();
        return attended.transpose(0, 2, 1).reshape(shape);
    }

    private static NDArray upsample(NDArray h) {
        return h.repeat(2, 2).repeat(3, 2);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long batch = x.get(0);
        long size = x.get(2);
        int c = channels;
        Shape context = inputShapes[2];
        timeHidden.initialize(manager, dataType, new Shape(batch, c));
        timeOut.initialize(manager, dataType, new Shape(batch, timeDim));
        Shape time = new Shape(batch, timeDim);
        Shape top32 = new Shape(batch, c, size, size);
        Shape mid16 = new Shape(batch, 2L * c, size / 2, size / 2);
        Shape bottom8 = new Shape(batch, 2L * c, size / 4, size / 4);
        input.initialize(manager, dataType, x);
        top.initialize(manager, dataType, top32, time);
        downToMiddle.initialize(manager, dataType, top32);
        middle.initialize(manager, dataType, mid16, time);
        middleAttention.initialize(manager, dataType, tokens(mid16), context);
        downToBottom.initialize(manager, dataType, mid16);
        bottom.initialize(manager, dataType, bottom8, time);
        bottomAttention.initialize(manager, dataType, tokens(bottom8), context);
        bottomSecond.initialize(manager, dataType, bottom8, time);
        middleUp.initialize(manager, dataType, new Shape(batch, 4L * c, size / 2, size / 2), time);
        middleUpAttention.initialize(manager, dataType, tokens(mid16), context);
        topUp.initialize(manager, dataType, new Shape(batch, 3L * c, size, size), time);
        outputNorm.initialize(manager, dataType, top32);
        output.initialize(manager, dataType, top32);
    }

    private static Shape tokens(Shape map) {
        return new Shape(map.get(0), map.get(2) * map.get(3), map.get(1));
    }
}
