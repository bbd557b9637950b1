package dev.deemwb.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.bundle.BundleManifest;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.contender.Contender;
import dev.deemwb.io.Json;
import dev.deemwb.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run folder's {@value ProbeRun#INFO_FILE}: what was run, so a result can be traced and a resumed
 * run is known to continue the same one.
 *
 * @param benchmarkSha256 the benchmark file's SHA-256
 * @param bundleSha256    the SHA-256 of the bundle's manifest, which lists every parameter file's own
 *                        SHA-256: a retrained bundle with the same id is a different model
 * @param benchmarkSeed   the seed a mini benchmark was generated from (from its {@code manifest.json}),
 *                        null for other files
 * @param decoding        how the mini models generate answers
 * @param contenders      per model id, what it is: which model, where, how it decodes (an endpoint's
 *                        URL and model id, never its key); null in runs from before contenders
 * @param askedWithOptions the models asked the questions with their options ({@link ProbeItem#withOptions}:
 *                        MMVP's, of models that read them); null where none was (and in runs from before
 *                        options were sent, which asked every model the bare question)
 */
public record RunInfo(
        int schema,
        String kind,
        String name,
        @JsonProperty("benchmark_file") String benchmarkFile,
        @JsonProperty("benchmark_sha256") String benchmarkSha256,
        String images,
        String bundle,
        @JsonProperty("bundle_sha256") String bundleSha256,
        @JsonProperty("benchmark_seed") Long benchmarkSeed,
        List<String> models,
        @JsonProperty("batch_size") int batchSize,
        String decoding,
        Instant started,
        Map<String, String> contenders,
        @JsonProperty("asked_with_options") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> askedWithOptions) {

    public static final int SCHEMA = 1;
    public static final String DECODING = "greedy, at most 20 words";

    public static RunInfo describe(Benchmark<?> benchmark, Path bundleDir, List<Contender> contenders, int batchSize)
            throws IOException {
        BundleManifest manifest = Bundles.readManifest(bundleDir);
        Map<String, String> described = new LinkedHashMap<>();
        contenders.forEach(contender -> described.put(contender.id(), contender.description()));
        return new RunInfo(SCHEMA, benchmark.kind().id(), benchmark.name(), benchmark.file().toAbsolutePath().toString(),
                Sha256.of(benchmark.file()), benchmark.images().toAbsolutePath().toString(), manifest.bundleId(),
                Sha256.of(bundleDir.resolve(BundleManifest.FILE_NAME)), miniSeed(benchmark.file()),
                List.copyOf(described.keySet()), batchSize, DECODING, Instant.now(), described,
                askedWithOptions(benchmark, contenders));
    }

    /** Who {@link ProbeRunner} asks with the options, judged on the first item that has them. */
    private static List<String> askedWithOptions(Benchmark<?> benchmark, List<Contender> contenders) {
        Optional<String> withOptions = benchmark.items().stream().map(ProbeItem::withOptions).filter(Objects::nonNull)
                .findFirst();
        List<String> ids = withOptions.map(text -> contenders.stream().filter(c -> c.questionProblem(text) == null)
                .map(Contender::id).toList()).orElse(List.of());
        return ids.isEmpty() ? null : ids;
    }

    /** The generation seed when the file lies in a mini-benchmark folder ({@code <dir>/<benchmark>/<file>}). */
    private static Long miniSeed(Path benchmarkFile) throws IOException {
        Path parent = benchmarkFile.toAbsolutePath().getParent();
        Path manifest = parent == null || parent.getParent() == null ? null
                : parent.getParent().resolve(MiniBenchmarks.MANIFEST_FILE);
        if (manifest == null || !Files.isRegularFile(manifest)) {
            return null;
        }
        return Json.mapper().readValue(manifest.toFile(), MiniBenchmarks.Summary.class).spec().seed();
    }

    /**
     * Why a folder holding {@code earlier} cannot continue as this run, or null if it can: same kind
     * of benchmark, same file content, same models from the same bundle.
     */
    String conflictWith(RunInfo earlier) {
        if (!kind.equals(earlier.kind) || !benchmarkSha256.equals(earlier.benchmarkSha256)) {
            return "it holds a run of another benchmark file (" + earlier.benchmarkFile + ", SHA-256 "
                    + earlier.benchmarkSha256.substring(0, 12) + "…)";
        }
        if (!bundleSha256.equals(earlier.bundleSha256)) {
            return "it holds a run of another model bundle (" + earlier.bundle + ", manifest SHA-256 "
                    + earlier.bundleSha256.substring(0, 12) + "…)";
        }
        if (!models.equals(earlier.models)) {
            return "it holds a run of the models " + earlier.models + ", not " + models;
        }
        if (!Objects.equals(askedWithOptions, earlier.askedWithOptions)) {
            return "its questions were put to " + (earlier.askedWithOptions == null ? "every model bare"
                    : earlier.askedWithOptions + " with their options") + ", and would now be put to "
                    + (askedWithOptions == null ? "every model bare" : askedWithOptions + " with their options")
                    + " (a run from another version): finished items would not compare with new ones";
        }
        if (earlier.contenders != null && contenders != null) {
            for (String model : models) {
                if (!contenders.get(model).equals(earlier.contenders.get(model))) {
                    return "its model '" + model + "' is " + earlier.contenders.get(model) + ", not "
                            + contenders.get(model);
                }
            }
        }
        return null;
    }
}
