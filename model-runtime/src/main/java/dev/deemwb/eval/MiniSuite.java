package dev.deemwb.eval;

import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.bench.mini.NegativeSampling;
import dev.deemwb.bench.mmvp.MmvpFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mini suite: the three mini-POPE splits, mini-MMVP and mini-RobustVQA of one
 * {@link MiniBenchmarks} folder, read with the same readers as the real files.
 */
public final class MiniSuite {

    /** The seed the suite is generated from unless told otherwise: one no bundle was trained on. */
    public static final long DEFAULT_SEED = 1000;

    private MiniSuite() {
    }

    /** Writes the standard-size suite from {@code seed} into {@code dir} unless a suite is there already. */
    public static void ensure(Path dir, long seed) throws IOException {
        if (!Files.isRegularFile(dir.resolve(MiniBenchmarks.MANIFEST_FILE))) {
            MiniBenchmarks.generate(MiniBenchmarks.Spec.standard(seed), dir);
        }
    }

    public static List<Benchmark<?>> read(Path dir) throws IOException {
        List<Benchmark<?>> benchmarks = new ArrayList<>();
        Path pope = dir.resolve(MiniBenchmarks.POPE);
        for (NegativeSampling sampling : NegativeSampling.values()) {
            benchmarks.add(PopeBenchmark.read(pope.resolve(MiniBenchmarks.popeFileName(sampling)),
                    pope.resolve(MiniBenchmarks.IMAGES)));
        }
        Path mmvp = dir.resolve(MiniBenchmarks.MMVP);
        benchmarks.add(MmvpBenchmark.read(mmvp.resolve(MmvpFiles.QUESTIONS_FILE), mmvp.resolve(MiniBenchmarks.IMAGES)));
        Path robustVqa = dir.resolve(MiniBenchmarks.ROBUSTVQA);
        benchmarks.add(RobustVqaBenchmark.read(robustVqa.resolve(MiniBenchmarks.ROBUSTVQA_FILE),
                robustVqa.resolve(MiniBenchmarks.IMAGES)));
        return benchmarks;
    }
}
