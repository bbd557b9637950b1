package dev.deemwb.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The benchmark formats a probe run reads: one reader each, for the real files and our mini ones. */
public enum BenchmarkKind {
    POPE,
    MMVP,
    ROBUSTVQA;

    /** {@code pope}, {@code mmvp} or {@code robustvqa}, as run folders record it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a benchmark file of this kind, its items' images relative to {@code images}. */
    public Benchmark<?> read(Path file, Path images) throws IOException {
        return switch (this) {
            case POPE -> PopeBenchmark.read(file, images);
            case MMVP -> MmvpBenchmark.read(file, images);
            case ROBUSTVQA -> RobustVqaBenchmark.read(file, images);
        };
    }
}
