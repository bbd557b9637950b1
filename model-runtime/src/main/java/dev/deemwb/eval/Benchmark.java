package dev.deemwb.eval;

import dev.deemwb.bench.Skips;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A benchmark file loaded for a probe run: its items in file order, the rule that judges one answer,
 * and the official scorer for a whole set of answers. One reader and scorer serve the real files and
 * our mini ones (same formats).
 *
 * @param <S> the type of the benchmark's own score
 */
public sealed interface Benchmark<S> permits PopeBenchmark, MmvpBenchmark, RobustVqaBenchmark {

    BenchmarkKind kind();

    /** A short name for tables and folders, e.g. {@code pope_adversarial}. */
    String name();

    /** The benchmark file (its SHA-256 identifies a run). */
    Path file();

    /** The folder the items' {@link ProbeItem#image() images} are relative to. */
    Path images();

    List<ProbeItem> items();

    /** How the benchmark's scoring rule reads {@code answer} to {@code item}. */
    Judgement judge(ProbeItem item, String answer);

    /**
     * Scores one model's answers with the benchmark's own scorer.
     *
     * @param answersById raw answers by {@link ProbeItem#id()}; items without one are skipped and
     *                    reported by the scorer, never counted right or wrong
     */
    Scored<S> score(String model, Map<String, String> answersById);

    /**
     * Calls the case for this benchmark's own type: an exhaustive choice over the sealed family that the
     * compiler checks (Java 17 has no pattern matching in {@code switch}), so no caller downcasts.
     */
    <R> R match(Cases<R> cases);

    /** One case per kind of benchmark. */
    interface Cases<R> {
        R pope(PopeBenchmark pope);

        R mmvp(MmvpBenchmark mmvp);

        R robustVqa(RobustVqaBenchmark robustVqa);
    }

    /** A model's score: the scorer's own result (for charts) and its flat metrics (for tables and CSV). */
    record Scored<S>(S score, List<Metric> metrics, Skips skipped) {
    }
}
