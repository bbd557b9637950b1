package dev.deemwb.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import ai.djl.util.Pair;
import dev.deemwb.model.BlockParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AdamW over the parameters of the blocks a stage trains, with linear warm-up and cosine decay.
 * Stages train several blocks at once and push gradients through frozen ones, so this replaces
 * DJL's one-model {@code Trainer}. PyTorch accumulates gradients, so each step clears them — by
 * writing zeros, since subtracting a gradient from itself keeps its NaNs. A gradient holding a NaN
 * or an infinity is refused before anything is applied.
 */
final class ParameterUpdater {

    private static final NDIndex ALL = new NDIndex("...");

    private final Optimizer optimizer;
    private final Tracker schedule;
    private final List<Pair<String, Parameter>> parameters = new ArrayList<>();
    private int steps;

    /** @param trainable the blocks to train, by the name their parameters are reported under */
    ParameterUpdater(Map<String, Block> trainable, float learningRate, int totalSteps) {
        int warmUp = Math.max(1, totalSteps / 20);
        this.schedule = WarmUpTracker.builder()
                .optWarmUpBeginValue(learningRate / 10)
                .optWarmUpSteps(warmUp)
                .setMainTracker(CosineTracker.builder().setBaseValue(learningRate)
                        .optFinalValue(learningRate / 20).setMaxUpdates(Math.max(1, totalSteps - warmUp)).build())
                .build();
        this.optimizer = Optimizer.adamW().optLearningRateTracker(schedule).optWeightDecays(1e-4f).build();
        trainable.forEach((name, block) -> {
            for (Pair<String, Parameter> p : block.getParameters()) {
                parameters.add(new Pair<>(BlockParameters.readableName(name + "/" + p.getKey()), p.getValue()));
            }
        });
    }

    /**
     * Applies the gradients of the last backward pass, then clears them; applies none of them if
     * any holds a NaN or an infinity.
     *
     * @throws NonFiniteGradientException naming the first such parameter
     */
    void step() {
        for (Pair<String, Parameter> entry : parameters) {
            NDArray weight = entry.getValue().getArray();
            if (weight.hasGradient()) {
                // One reduction per parameter on every step; what the bad value is, only when there is one.
                try (NDArray gradient = weight.getGradient(); NDArray sum = gradient.sum()) {
                    if (!Float.isFinite(sum.getFloat())) {
                        throw new NonFiniteGradientException(entry.getKey(), describeNonFinite(gradient));
                    }
                }
            }
        }
        for (Pair<String, Parameter> entry : parameters) {
            NDArray weight = entry.getValue().getArray();
            if (!weight.hasGradient()) {
                continue;
            }
            try (NDArray gradient = weight.getGradient()) {
                optimizer.update(entry.getKey(), weight, gradient);
            }
        }
        clearGradients();
        steps++;
    }

    private static String describeNonFinite(NDArray gradient) {
        try (NDArray nan = gradient.isNaN().any()) {
            return nan.getBoolean() ? "NaN" : "an infinity";
        }
    }

    /** Zeros every gradient, NaNs included (a refused step's gradients must not reach the next one). */
    void clearGradients() {
        for (Pair<String, Parameter> entry : parameters) {
            NDArray weight = entry.getValue().getArray();
            if (weight.hasGradient()) {
                try (NDArray gradient = weight.getGradient()) {
                    gradient.set(ALL, 0);
                }
            }
        }
    }

    /** A gradient that must not be applied. */
    static final class NonFiniteGradientException extends RuntimeException {
        final String parameter;

        NonFiniteGradientException(String parameter, String what) {
            super("the gradient of " + parameter + " holds " + what);
            this.parameter = parameter;
        }
    }

    float learningRate() {
        return schedule.getNewValue(steps);
    }
}
