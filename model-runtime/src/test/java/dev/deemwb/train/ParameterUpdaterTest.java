package dev.deemwb.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.deemwb.engine.DjlSetup;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterUpdaterTest {

    @Test
    void aNonFiniteGradientIsRefusedNamedAndNeverApplied() {
        DjlSetup.configure();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block linear = linear(manager);
            ParameterUpdater updater = new ParameterUpdater(Map.of("head", linear), 0.1f, 10);
            float[] before = weights(linear);

            backward(manager, linear, new float[] {1, Float.NaN, 2});

            assertThatThrownBy(updater::step).isInstanceOf(ParameterUpdater.NonFiniteGradientException.class)
                    .hasMessage("the gradient of head/weight holds NaN");
            assertThat(weights(linear)).containsExactly(before);

            updater.clearGradients();
            try (NDArray gradient = linear.getParameters().get("weight").getArray().getGradient()) {
                assertThat(gradient.toFloatArray()).as("cleared, NaNs included").containsOnly(0f);
            }
        }
    }

    @Test
    void finiteGradientsAreAppliedThenCleared() {
        DjlSetup.configure();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block linear = linear(manager);
            ParameterUpdater updater = new ParameterUpdater(Map.of("head", linear), 0.1f, 10);
            float[] before = weights(linear);

            backward(manager, linear, new float[] {1, -1, 2});
            updater.step();

            assertThat(weights(linear)).isNotEqualTo(before);
            try (NDArray gradient = linear.getParameters().get("weight").getArray().getGradient()) {
                assertThat(gradient.toFloatArray()).containsOnly(0f);
            }
        }
    }

    private static Block linear(NDManager manager) {
        Block linear = Linear.builder().setUnits(2).build();
        linear.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
        return linear;
    }

    private static float[] weights(Block block) {
        return block.getParameters().get("weight").getArray().toFloatArray();
    }

    private static void backward(NDManager manager, Block block, float[] input) {
        try (NDManager step = manager.newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray x = step.create(input, new Shape(1, input.length));
            NDArray y = block.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
            collector.backward(y.sum());
        }
    }
}
