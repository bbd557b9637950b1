package dev.deemwb.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * DEEM's consistency semantic regularisation (CSR): the frozen UNet must redraw the image from the
 * encoder's visual tokens alone, seen through the variant's projection ({@code proj_i}). Its gradient
 * flows through the UNet into the projection and the encoder.
 */
public final class ConsistencyLoss {

    private ConsistencyLoss() {
    }

    /** At noise levels drawn uniformly from {@code [tMin, tMax]}. */
    public static NDArray loss(ParameterStore ps, MiniDeemModels.Eyes eyes, Diffusion diffusion, NDArray tokens,
                               NDArray targets, NDArray objectMasks, float foregroundWeight, float tMin, float tMax) {
        NDArray condition = condition(ps, eyes, tokens);
        return diffusion.loss(ps, targets, condition, conditionMask(condition), objectMasks, foregroundWeight, tMin, tMax);
    }

    /** At given noise levels and noise: what the numerics check compares across precisions. */
    public static NDArray loss(ParameterStore ps, MiniDeemModels.Eyes eyes, Diffusion diffusion, NDArray tokens,
                               NDArray targets, NDArray objectMasks, float foregroundWeight, NDArray t, NDArray noise) {
        NDArray condition = condition(ps, eyes, tokens);
        return diffusion.loss(ps, targets, condition, conditionMask(condition), objectMasks, foregroundWeight, t, noise);
    }

    private static NDArray condition(ParameterStore ps, MiniDeemModels.Eyes eyes, NDArray tokens) {
        return eyes.projection().forward(ps, new NDList(tokens), true).singletonOrThrow();
    }

    /** Every visual token is real: no padding to mask. */
    private static NDArray conditionMask(NDArray condition) {
        Shape shape = condition.getShape();
        return condition.getManager().ones(new Shape(shape.get(0), shape.get(1)), condition.getDataType());
    }
}
