package dev.deemwb.infer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The evaluation a bundle carries in its manifest, all on fresh seeds: per-category accuracy in and
 * out of distribution, the mini benchmarks (POPE per split, MMVP, RobustVQA) and the reconstruction
 * conditioning gap. Each part records its size and seed.
 */
public final class EvaluationTable {

    public static final float RECONSTRUCTION_NOISE = 0.65f;
    public static final int RECONSTRUCTION_STEPS = 20;

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
        table.putPOJO("categories", new CategoryProbe(models).run(seed, sizes.probeScenes()));
        Path benchmarks = scratch.resolve("mini-benchmarks-" + seed);
        MiniBenchmarks.generate(new MiniBenchmarks.Spec(seed, sizes.popeImages(), sizes.mmvpPairs(),
                sizes.robustVqaRecords(), 64), benchmarks);
        Map<String, BenchmarkEvaluation.Scores> scores = new BenchmarkEvaluation(models).run(benchmarks);
        table.putPOJO("benchmarks", scores);
        table.putPOJO("reconstruction", new ReconstructionProbe(models)
                .run(seed, sizes.reconstructionScenes(), RECONSTRUCTION_NOISE, RECONSTRUCTION_STEPS));
        return table;
    }
}
