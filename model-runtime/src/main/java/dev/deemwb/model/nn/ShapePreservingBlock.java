package dev.deemwb.model.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;

/** A block whose output has the shape of its first input (normalisations, residual layers, the UNet). */
public abstract class ShapePreservingBlock extends AbstractBlock {

    @Override
    public final Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
