package dev.deemwb.train;

import dev.deemwb.io.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stage's training log, JSON Lines: {@code {"step", "losses": {...}, "lr", "time_s"}}. Lines are
 * appended and flushed as they come, so a crash keeps everything up to its last step.
 */
final class TrainingLog implements AutoCloseable {

    private final BufferedWriter writer;
    private final long start = System.nanoTime();

    TrainingLog(Path file) {
        try {
            Files.createDirectories(file.getParent());
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training log " + file, e);
        }
    }

    record Entry(int step, Map<String, Double> losses, double lr,
                 @com.fasterxml.jackson.annotation.JsonProperty("time_s") double timeS) {
    }

    void write(int step, Map<String, Double> losses, float learningRate) {
        try {
            writer.write(Json.compactWriter().writeValueAsString(new Entry(step, new LinkedHashMap<>(losses),
                    learningRate, (System.nanoTime() - start) / 1e9)));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
