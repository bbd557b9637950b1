package dev.deemwb.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Group normalisation of {@code (B, C, H, W)} feature maps (DJL has none): statistics per sample and
 * group of channels, so it behaves the same in training and at inference, unlike batch norm.
 */
public final class GroupNorm extends ShapePreservingBlock {

    private static final float EPSILON = 1e-5f;

    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;

    public GroupNorm(int channels, int groups) {
        if (channels % groups != 0) {
            throw new IllegalArgumentException(channels + " channels do not split into " + groups + " groups");
        }
        this.groups = groups;
        this.gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(1, channels, 1, 1)).optInitializer(new ConstantInitializer(1f)).build());
        this.beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(1, channels, 1, 1)).optInitializer(new ConstantInitializer(0f)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        NDArray grouped = x.reshape(shape.get(0), groups, -1);
        NDArray mean = grouped.mean(new int[] {2}, true);
        NDArray centred = grouped.sub(mean);
        NDArray variance = centred.square().mean(new int[] {2}, true);
        NDArray normalised = centred.div(variance.add(EPSILON).sqrt()).reshape(shape);
        return new NDList(normalised.mul(ps.getValue(gamma, x.getDevice(), training))
                .add(ps.getValue(beta, x.getDevice(), training)));
    }
}
