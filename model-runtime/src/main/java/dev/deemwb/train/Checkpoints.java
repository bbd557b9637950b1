package dev.deemwb.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.model.BlockParameters;
import dev.deemwb.model.MiniDeemModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Every block's parameters after each stage, one file per block, in {@code <root>/<stage>/}. A stage's
 * {@code COMPLETE} marker is written last, so a checkpoint interrupted mid-save is never resumed from.
 */
final class Checkpoints {

    static final String COMPLETE = "COMPLETE";

    private final Path root;
    private final MiniDeemModels models;

    Checkpoints(Path root, MiniDeemModels models) {
        this.root = root;
        this.models = models;
    }

    void save(String stage) throws IOException {
        Path dir = root.resolve(stage);
        for (Map.Entry<String, Block> entry : models.namedBlocks().entrySet()) {
            AtomicFiles.write(dir.resolve(entry.getKey() + ".params"), BlockParameters.serialise(entry.getValue()));
        }
        AtomicFiles.writeString(dir.resolve(COMPLETE), stage + "\n");
    }

    /** The last stage, in training order, whose checkpoint is complete; null if none. */
    String lastCompleted(List<String> stages) {
        String last = null;
        for (String stage : stages) {
            if (Files.isRegularFile(root.resolve(stage).resolve(COMPLETE))) {
                last = stage;
            }
        }
        return last;
    }

    void load(String stage) throws IOException {
        Path dir = root.resolve(stage);
        for (Map.Entry<String, Block> entry : models.namedBlocks().entrySet()) {
            BlockParameters.deserialise(entry.getValue(), Files.readAllBytes(dir.resolve(entry.getKey() + ".params")),
                    models.manager());
            trainable(entry.getValue());
        }
    }

    /**
     * Loaded parameters are plain arrays: without this their gradients are never computed, so a
     * resumed stage would fail ("does not require grad") or, worse, silently train only the blocks
     * that were not loaded. The stages freeze what must stay frozen afterwards.
     */
    private static void trainable(Block block) {
        block.freezeParameters(false);
    }

    /** Makes {@code target} start from {@code source}'s weights (the fork of the CLIP stage). */
    static void copyParameters(Block source, Block target, NDManager manager) {
        try {
            BlockParameters.deserialise(target, BlockParameters.serialise(source), manager);
            trainable(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
