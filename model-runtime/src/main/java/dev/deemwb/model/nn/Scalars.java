package dev.deemwb.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplying by a constant on the gradient path. DJL's {@code mul(Number)} and {@code div(Number)}
 * wrap the constant in a temporary array backed by a direct buffer and close it at once; PyTorch's
 * backward pass still reads that constant, and once the garbage collector frees the buffer it reads
 * garbage — sporadic NaN gradients (measured: 1 run in 2 of a small training failed, none with the
 * collector off). Here the constant is a native array owned by the operand's manager, alive until the
 * batch is closed.
 */
public final class Scalars {

    private Scalars() {
    }

    public static NDArray times(NDArray x, float factor) {
        return x.mul(x.getManager().full(new Shape(), factor, x.getDataType()));
    }

    public static NDArray dividedBy(NDArray x, float divisor) {
        return times(x, 1f / divisor);
    }
}
