package dev.deemwb.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.deemwb.model.nn.TransformerLayer;

/**
 * The "eyes": a small CNN reduces a {@code (B, 3, 64, 64)} image to an 8×8 feature grid, then a
 * Perceiver bottleneck — M learned queries cross-attending to the grid, then attending to each
 * other — turns it into M visual tokens {@code (B, M, D)}. Like DEEM's Q-Former tokens, these tokens
 * are all the language model and the diffusion model ever see of the image.
 */
public final class ImageEncoder extends AbstractBlock {

    private final ModelConfig config;
    private final Conv2d[] stages;
    private final Parameter gridPositions;
    private final LayerNorm gridNorm;
    private final Parameter queries;
    private final TransformerLayer gather;
    private final TransformerLayer mix;
    private final LayerNorm outputNorm;

    public ImageEncoder(ModelConfig config) {
        this.config = config;
        int c = config.encoderChannels();
        this.stages = new Conv2d[] {
            addChildBlock("conv1", stage(c)),
            addChildBlock("conv2", stage(2 * c)),
            addChildBlock("conv3", stage(config.tokenDim())),
        };
        int cells = config.gridSize() * config.gridSize();
        this.gridPositions = addParameter(Parameter.builder().setName("grid_positions").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(cells, config.tokenDim())).optInitializer(new NormalInitializer(0.02f)).build());
        this.gridNorm = addChildBlock("grid_norm", LayerNorm.builder().axis(2).build());
        this.queries = addParameter(Parameter.builder().setName("queries").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.visualTokens(), config.tokenDim()))
                .optInitializer(new NormalInitializer(0.5f)).build());
        this.gather = addChildBlock("gather", TransformerLayer.cross(config.tokenDim(), config.heads()));
        this.mix = addChildBlock("mix", TransformerLayer.self(config.tokenDim(), config.heads(), false));
        this.outputNorm = addChildBlock("output_norm", LayerNorm.builder().axis(2).build());
    }

    private static Conv2d stage(int filters) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3))
                .optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        for (Conv2d stage : stages) {
            x = Activation.gelu(stage.forward(ps, new NDList(x), training).singletonOrThrow());
        }
        long batch = x.getShape().get(0);
        long cells = (long) config.gridSize() * config.gridSize();
        NDArray grid = x.reshape(batch, config.tokenDim(), cells).transpose(0, 2, 1)
                .add(ps.getValue(gridPositions, x.getDevice(), training));
        grid = gridNorm.forward(ps, new NDList(grid), training).singletonOrThrow();
        // Ones from the batch's manager first, so the result is freed with the batch, not kept by the model.
        NDArray latents = x.getManager().ones(new Shape(batch, 1, 1)).mul(ps.getValue(queries, x.getDevice(), training));
        latents = gather.forward(ps, new NDList(latents, grid), training).singletonOrThrow();
        latents = mix.forward(ps, new NDList(latents), training).singletonOrThrow();
        return outputNorm.forward(ps, new NDList(latents), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.visualTokens(), config.tokenDim())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = inputShapes[0];
        for (Conv2d stage : stages) {
            stage.initialize(manager, dataType, shape);
            shape = stage.getOutputShapes(new Shape[] {shape})[0];
        }
        long batch = shape.get(0);
        Shape grid = new Shape(batch, (long) config.gridSize() * config.gridSize(), config.tokenDim());
        Shape latents = new Shape(batch, config.visualTokens(), config.tokenDim());
        gridNorm.initialize(manager, dataType, grid);
        gather.initialize(manager, dataType, latents, grid);
        mix.initialize(manager, dataType, latents);
        outputNorm.initialize(manager, dataType, latents);
    }
}
