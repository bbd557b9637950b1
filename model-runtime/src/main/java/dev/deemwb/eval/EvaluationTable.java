package dev.deemwb.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.infer.ReconstructionDefaults;
import dev.deemwb.io.Json;
import dev.deemwb.model.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation a bundle carries in its manifest, all on fresh seeds: per-category accuracy in and
 * out of distribution, the mini benchmarks (POPE per split, MMVP, RobustVQA) and the reconstruction
 * conditioning gap. Each part records its size and seed.
 */
public final class EvaluationTable {

    private EvaluationTable() {
    }

    /** Sizes of each part. */
    public record Sizes(int probeScenes, int popeImages, int mmvpPairs, int robustVqaRecords, int reconstructionScenes) {

        public static Sizes standard() {
            return new Sizes(300, 500, 150, 1000, 100);
        }

        public static Sizes tiny() {
            return new Sizes(4, 3, 6, 6, 2);
        }
    }

    public static ObjectNode build(MiniDeem models, long seed, Sizes sizes, Path scratch) throws IOException {
        ObjectNode table = Json.mapper().createObjectNode();
        table.put("seed", seed);
        table.putPOJO("sizes", sizes);
        table.putPOJO("categories", new CategoryProbe(MiniContender.pair(models), models.models().config().imageSize())
                .run(seed, sizes.probeScenes()));
        Path benchmarks = scratch.resolve("mini-benchmarks-" + seed);
        MiniBenchmarks.generate(new MiniBenchmarks.Spec(seed, sizes.popeImages(), sizes.mmvpPairs(),
                sizes.robustVqaRecords(), 64), benchmarks);
        table.putPOJO("benchmarks", benchmarks(models, MiniSuite.read(benchmarks)));
        table.putPOJO("reconstruction", new ReconstructionProbe(models)
                .run(seed, sizes.reconstructionScenes(), ReconstructionDefaults.NOISE, ReconstructionDefaults.STEPS));
        return table;
    }

    /** Model → {pope: {split: score}, mmvp: score, robustVqa: score}, run as {@code ./deemwb eval} runs them. */
    private static Map<String, Map<String, Object>> benchmarks(MiniDeem models, List<Benchmark<?>> suite)
            throws IOException {
        Map<String, Map<String, Object>> table = new LinkedHashMap<>();
        for (Variant variant : Variant.values()) {
            table.put(variant.id(), new LinkedHashMap<>(Map.of("pope", new LinkedHashMap<String, Object>())));
        }
        ProbeRunner runner = new ProbeRunner(MiniContender.pair(models), ProbeRunner.DEFAULT_BATCH);
        for (Benchmark<?> benchmark : suite) {
            RunRecords records = RunRecords.inMemory();
            runner.run(benchmark, records, () -> { }, (batch, progress) -> { });
            RunReport report = RunReport.of(benchmark, null, records.records(), Map.of());
            for (Variant variant : Variant.values()) {
                Object score = report.scores().get(variant.id()).score();
                Map<String, Object> row = table.get(variant.id());
                if (benchmark instanceof PopeBenchmark pope) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> splits = (Map<String, Object>) row.get("pope");
                    splits.put(pope.split(), score);
                } else {
                    row.put(benchmark instanceof MmvpBenchmark ? "mmvp" : "robustVqa", score);
                }
            }
        }
        return table;
    }
}
