package dev.deemwb.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Token ids {@code (B, T)} → vectors {@code (B, T, dim)} plus a learned position vector per index.
 * Lookups are one-hot products: with vocabularies of about a hundred words they are as fast as a
 * gather, their gradient is plain matrix algebra, and their results belong to the batch's manager.
 */
public final class TokenEmbedding extends AbstractBlock {

    private final int vocabularySize;
    private final int dim;
    private final Parameter table;
    private final Parameter positions;

    public TokenEmbedding(int vocabularySize, int maxLength, int dim) {
        this.vocabularySize = vocabularySize;
        this.dim = dim;
        this.table = addParameter(Parameter.builder().setName("table").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabularySize, dim)).optInitializer(new NormalInitializer(0.02f)).build());
        this.positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(maxLength, dim)).optInitializer(new NormalInitializer(0.02f)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        NDArray weights = ps.getValue(table, ids.getDevice(), training);
        NDArray position = ps.getValue(positions, ids.getDevice(), training);
        long length = ids.getShape().get(1);
        NDArray vectors = ids.oneHot(vocabularySize, DataType.FLOAT32).matMul(weights);
        // Selected by a product too (not a slice of the parameter), so every result belongs to the batch.
        NDArray positionVectors = ids.getManager().arange((int) length)
                .oneHot((int) position.getShape().get(0), DataType.FLOAT32).matMul(position);
        return new NDList(vectors.add(positionVectors));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(dim)};
    }
}
