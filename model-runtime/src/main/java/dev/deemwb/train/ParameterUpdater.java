package dev.deemwb.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW over the parameters of the blocks a stage trains, with linear warm-up and cosine decay.
 * Stages train several blocks at once and push gradients through frozen ones, so this replaces
 * DJL's one-model {@code Trainer}. PyTorch accumulates gradients, so each step clears them.
 */
final class ParameterUpdater {

    private final Optimizer optimizer;
    private final Tracker schedule;
    private final List<Pair<String, Parameter>> parameters = new ArrayList<>();
    private int steps;

    ParameterUpdater(List<Block> trainable, float learningRate, int totalSteps) {
        int warmUp = Math.max(1, totalSteps / 20);
        this.schedule = WarmUpTracker.builder()
                .optWarmUpBeginValue(learningRate / 10)
                .optWarmUpSteps(warmUp)
                .setMainTracker(CosineTracker.builder().setBaseValue(learningRate)
                        .optFinalValue(learningRate / 20).setMaxUpdates(Math.max(1, totalSteps - warmUp)).build())
                .build();
        this.optimizer = Optimizer.adamW().optLearningRateTracker(schedule).optWeightDecays(1e-4f).build();
        for (int b = 0; b < trainable.size(); b++) {
            for (Pair<String, Parameter> p : trainable.get(b).getParameters()) {
                parameters.add(new Pair<>(b + "/" + p.getKey(), p.getValue()));
            }
        }
    }

    /** Applies the gradients of the last backward pass, then clears them. */
    void step() {
        for (Pair<String, Parameter> entry : parameters) {
            NDArray weight = entry.getValue().getArray();
            if (!weight.hasGradient()) {
                continue;
            }
            try (NDArray gradient = weight.getGradient()) {
                optimizer.update(entry.getKey(), weight, gradient);
                gradient.subi(gradient);
            }
        }
        steps++;
    }

    float learningRate() {
        return schedule.getNewValue(steps);
    }
}
