package dev.deemwb.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The step loop every training stage shares: a batch's losses, their gradient, one Adam step, and
 * every {@code logEvery} steps the window's mean losses to {@code logs/<stage>.jsonl} and to the
 * progress line. A non-finite loss or gradient stops the stage with nothing of that step applied.
 */
final class TrainingLoop {

    static final int LOG_EVERY = Integer.getInteger("deemwb.logEvery", 25);

    /** Losses of one batch; "total" is minimised when there are several, else the only one. */
    @FunctionalInterface
    interface Step {
        Map<String, NDArray> losses(NDManager manager, ParameterStore ps);
    }

    /** A finished stage: its wall seconds and the mean of each loss over its last logged window. */
    record Result(double seconds, Map<String, Double> finalLosses) {
    }

    private final NDManager root;
    private final Path logs;
    private final Consumer<String> progress;

    TrainingLoop(NDManager root, Path logs, Consumer<String> progress) {
        this.root = root;
        this.logs = logs;
        this.progress = progress;
    }

    /** @param trainable the blocks updated, under their bundle names (a refused gradient names its parameter) */
    Result run(String stage, int steps, float learningRate, Map<String, Block> trainable, Step step) {
        ParameterUpdater updater = new ParameterUpdater(trainable, learningRate, steps);
        ParameterStore ps = new ParameterStore(root, false);
        Map<String, Double> window = new LinkedHashMap<>();
        Map<String, Double> last = Map.of();
        int windowSize = 0;
        try (TrainingLog log = new TrainingLog(logs.resolve(stage + ".jsonl"))) {
            for (int i = 1; i <= steps; i++) {
                try (NDManager manager = root.newSubManager()) {
                    Map<String, Double> values = new LinkedHashMap<>();
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        Map<String, NDArray> losses = step.losses(manager, ps);
                        for (Map.Entry<String, NDArray> loss : losses.entrySet()) {
                            double value = loss.getValue().getFloat();
                            if (!Double.isFinite(value)) {
                                throw new IllegalStateException(String.format(Locale.ROOT, "%s step %d: loss '%s' is "
                                        + "%s; nothing of this step was applied. The numerics check passed at the start, "
                                        + "so this is most likely divergence: try a lower learning rate", stage, i,
                                        loss.getKey(), value));
                            }
                            values.put(loss.getKey(), value);
                        }
                        collector.backward(objective(losses));
                    }
                    try {
                        updater.step();
                    } catch (ParameterUpdater.NonFiniteGradientException e) {
                        updater.clearGradients();
                        throw new IllegalStateException(String.format(Locale.ROOT, "%s step %d: %s under a finite loss; "
                                + "nothing of this step was applied. A finite loss with a non-finite gradient points "
                                + "at the engine's kernels, not the learning rate: run ./deemwb doctor", stage, i,
                                e.getMessage()), e);
                    }
                    values.forEach((name, value) -> window.merge(name, value, Double::sum));
                    windowSize++;
                }
                if (i % LOG_EVERY == 0 || i == steps) {
                    Map<String, Double> means = new LinkedHashMap<>();
                    int n = windowSize;
                    window.forEach((name, sum) -> means.put(name, sum / n));
                    log.write(i, means, updater.learningRate());
                    progress.accept(String.format(Locale.ROOT, "%s step %d/%d %s", stage, i, steps, means));
                    last = means;
                    window.clear();
                    windowSize = 0;
                }
            }
            return new Result(log.seconds(), last);
        }
    }

    private static NDArray objective(Map<String, NDArray> losses) {
        return losses.containsKey("total") ? losses.get("total") : losses.values().iterator().next();
    }
}
