package dev.deemwb.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.deemwb.bundle.BundleManifest;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.eval.ProbeRunner;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.infer.ReconstructionDefaults;
import dev.deemwb.io.Json;
import dev.deemwb.model.ConsistencyLoss;
import dev.deemwb.model.Diffusion;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.Prompts;
import dev.deemwb.model.Variant;
import dev.deemwb.numerics.SafeKernels;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneRenderer;
import dev.deemwb.world.Seeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "perf", mixinStandardHelpOptions = true,
        description = {"The speed benchmark: after warm-up, the median and 90th percentile of one question through "
                + "both models and of one " + ReconstructionDefaults.STEPS + "-step reconstruction by both, "
                + "batched answering throughput, the forward and backward passes of the two training steps that run "
                + "the UNet, memory, and an estimate of the FLOPs of a question.",
            "Writes a JSON report and prints a summary. A benchmark, not a test: nothing here passes or fails."})
final class PerfCommand implements Callable<Integer> {

    static final long SCENE_SEED = 424_242L;
    /** The standard recipe's batch for the diffusion and fork stages. */
    static final int TRAINING_BATCH = 32;
    /** Two AVX2 FMA units × 8 fp32 lanes × 2 FLOPs per multiply–add. */
    static final int FLOP_PER_CYCLE = 32;
    /** A one-word answer takes two language-model runs: one for the word, one for {@code <eos>}. */
    static final int LM_RUNS_PER_QUESTION = 2;

    private static final String FORMULA = "multiply-add = 2 FLOP; norms, activations, softmax, embeddings left out. "
            + "encoder = 18*(3*c*(S/2)^2 + 2c^2*(S/4)^2 + 2c*D*(S/8)^2) [3x3 stride-2 convs] "
            + "+ 4*M*D^2 + 4*G*D^2 + 4*M*G*D + 16*M*D^2 [Perceiver cross-attention layer, G = (S/8)^2 grid cells] "
            + "+ 24*M*D^2 + 4*M^2*D [self-attention layer over the M tokens]; "
            + "lm(P) = 2*M*D*d [visual prefix] + L*(24*T*d^2 + 4*T^2*d) [T = M + P positions, no KV cache] "
            + "+ 2*P*d*V [head over the text positions]; "
            + "question = encoder + lm(P) + lm(P+1) (answer word, then <eos>), P = question words + <bos>";

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the JSON report.")
    Path out;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "N", description = "Unmeasured runs of each measurement first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--repeats", defaultValue = "30", paramLabel = "N", description = "Measured runs of each measurement (default: ${DEFAULT-VALUE}).")
    int repeats;

    /** One (image, question) pair of the workload; the image is a model input. */
    record Item(float[] image, String question) {
    }

    @Override
    public Integer call() throws IOException {
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be at least 0, was " + warmup);
        }
        if (repeats < 1) {
            throw new ParameterException(spec.commandLine(), "--repeats must be at least 1, was " + repeats);
        }
        OptionalDouble rssStart = rssMegabytes();
        BundleManifest manifest = Bundles.readManifest(bundleOption.bundle);
        DjlSetup.configure();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("java_version", System.getProperty("java.version"));
        report.put("available_processors", Runtime.getRuntime().availableProcessors());
        report.put("engine_threads", System.getProperty("ai.djl.pytorch.num_threads"));
        report.put("engine_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads"));
        report.put("bundle_id", manifest.bundleId());
        report.put("warmup", warmup);
        report.put("kernels", SafeKernels.inEffect().source());
        report.put("repeats", repeats);
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = Bundles.load(bundleOption.bundle, manager)) {
            report.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
            MiniDeem miniDeem = new MiniDeem(models);
            List<Item> items = workload(miniDeem);

            double[][] question = time(List.of(
                    i -> answerOne(miniDeem, Variant.BASELINE, items.get(i % items.size())),
                    i -> answerOne(miniDeem, Variant.DEEM, items.get(i % items.size()))));
            report.put("question_ms", perModel(question));

            double[][] reconstruction = time(List.of(
                    i -> miniDeem.reconstruct(Variant.BASELINE, items.get(i % items.size()).image(),
                            ReconstructionDefaults.NOISE, ReconstructionDefaults.STEPS, 0, null),
                    i -> miniDeem.reconstruct(Variant.DEEM, items.get(i % items.size()).image(),
                            ReconstructionDefaults.NOISE, ReconstructionDefaults.STEPS, 0, null)));
            Map<String, Object> reconstructionReport = new LinkedHashMap<>();
            reconstructionReport.put("steps", ReconstructionDefaults.STEPS);
            reconstructionReport.put("noise", ReconstructionDefaults.NOISE);
            reconstructionReport.putAll(perModel(reconstruction));
            report.put("reconstruction_ms", reconstructionReport);

            List<Item> batch = items.subList(0, ProbeRunner.DEFAULT_BATCH);
            List<float[]> batchImages = batch.stream().map(Item::image).toList();
            List<String> batchQuestions = batch.stream().map(Item::question).toList();
            double[][] batched = time(List.of(
                    i -> miniDeem.answer(Variant.BASELINE, batchImages, batchQuestions),
                    i -> miniDeem.answer(Variant.DEEM, batchImages, batchQuestions)));
            Map<String, Object> throughput = new LinkedHashMap<>();
            throughput.put("batch_size", ProbeRunner.DEFAULT_BATCH);
            for (Variant variant : Variant.values()) {
                double[] perSecond = Arrays.stream(batched[variant.ordinal()]).map(ms -> ProbeRunner.DEFAULT_BATCH / (ms / 1000)).toArray();
                throughput.put(variant.id(), median(perSecond));
            }
            report.put("batched_questions_per_second", throughput);

            report.put("training_step_ms", trainingSteps(models));

            Map<String, Object> rss = new LinkedHashMap<>();
            rss.put("start", rssStart.isPresent() ? rssStart.getAsDouble() : null);
            OptionalDouble rssEnd = rssMegabytes();
            rss.put("end", rssEnd.isPresent() ? rssEnd.getAsDouble() : null);
            // The Java heap grows lazily towards its maximum and is part of the RSS; without it a grown
            // RSS looks like a native leak.
            rss.put("java_heap_committed_end", Runtime.getRuntime().totalMemory() / (1024.0 * 1024.0));
            report.put("rss_mb", rss);

            double promptTokens = items.stream()
                    .mapToInt(item -> Prompts.question(models.tokenizer(), item.question()).length).average().orElse(0);
            double singleModelMs = (median(question[0]) + median(question[1])) / 2;
            report.put("flops", flopsReport(models.config(), models.tokenizer().size(), promptTokens, singleModelMs));
        }
        Json.write(out, report);
        printSummary(spec.commandLine().getOut(), report);
        return 0;
    }

    /**
     * Forward and backward passes of the two training steps that run the UNet, at the recipe's batch
     * size: what the instruction-set cap costs where training spends its time. No optimizer step.
     */
    private Map<String, Object> trainingSteps(MiniDeemModels models) {
        ModelConfig config = models.config();
        models.unet().freezeParameters(false);
        MiniDeemModels.Eyes eyes = models.eyes(Variant.DEEM);
        eyes.encoder().freezeParameters(false);
        eyes.projection().freezeParameters(false);
        Diffusion diffusion = new Diffusion(models.unet());
        ParameterStore ps = new ParameterStore(models.manager(), false);
        int s = config.diffusionSize();
        Shape targets = new Shape(TRAINING_BATCH, 3, s, s);
        Shape masks = new Shape(TRAINING_BATCH, 1, s, s);
        double[][] millis = time(List.of(
                i -> backward(models, manager -> diffusion.loss(ps, manager.randomUniform(-1, 1, targets),
                        manager.randomNormal(new Shape(TRAINING_BATCH, config.visualTokens(), config.textDim())),
                        manager.ones(new Shape(TRAINING_BATCH, config.visualTokens())), manager.zeros(masks), 4f, 0f, 1f)),
                i -> backward(models, manager -> {
                    NDArray images = manager.randomUniform(-1, 1,
                            new Shape(TRAINING_BATCH, 3, config.imageSize(), config.imageSize()));
                    NDArray tokens = eyes.encoder().forward(ps, new NDList(images), true).singletonOrThrow();
                    return ConsistencyLoss.loss(ps, eyes, diffusion, tokens, manager.randomUniform(-1, 1, targets),
                            manager.zeros(masks), 4f, 0.4f, 0.9f);
                })));
        Map<String, Object> steps = new LinkedHashMap<>();
        steps.put("batch_size", TRAINING_BATCH);
        steps.put("unet_denoising", stats(millis[0]));
        steps.put("csr_encoder_through_unet", stats(millis[1]));
        return steps;
    }

    private static void backward(MiniDeemModels models, Function<NDManager, NDArray> loss) {
        try (NDManager manager = models.manager().newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(loss.apply(manager));
        }
    }

    /** Rendered scenes from a fixed seed and all their template questions, at least {@link ProbeRunner#DEFAULT_BATCH} pairs. */
    static List<Item> workload(MiniDeem miniDeem) {
        SceneGenerator generator = new SceneGenerator();
        SceneRenderer renderer = new SceneRenderer();
        int size = miniDeem.models().config().imageSize();
        List<Item> items = new ArrayList<>();
        for (int i = 0; items.size() < ProbeRunner.DEFAULT_BATCH; i++) {
            Scene scene = generator.generate(Seeds.derive(SCENE_SEED, i));
            float[] image = miniDeem.input(renderer.render(scene, size));
            for (QaPair qa : Questions.all(scene)) {
                items.add(new Item(image, qa.question()));
            }
        }
        return items;
    }

    private static void answerOne(MiniDeem miniDeem, Variant variant, Item item) {
        miniDeem.answer(variant, List.of(item.image()), List.of(item.question()));
    }

    /**
     * Runs the steps one after the other, {@code warmup + repeats} times (the run's index is passed
     * to each step); returns for each step the milliseconds of its measured runs.
     */
    private double[][] time(List<IntConsumer> steps) {
        double[][] millis = new double[steps.size()][repeats];
        for (int run = 0; run < warmup + repeats; run++) {
            for (int s = 0; s < steps.size(); s++) {
                long start = System.nanoTime();
                steps.get(s).accept(run);
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (run >= warmup) {
                    millis[s][run - warmup] = elapsed;
                }
            }
        }
        return millis;
    }

    /** {"both_models": stats, "baseline": stats, "deem": stats} from per-variant timings (indexed by ordinal). */
    private static Map<String, Object> perModel(double[][] millis) {
        double[] both = new double[millis[0].length];
        for (double[] variant : millis) {
            for (int i = 0; i < both.length; i++) {
                both[i] += variant[i];
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("both_models", stats(both));
        for (Variant variant : Variant.values()) {
            report.put(variant.id(), stats(millis[variant.ordinal()]));
        }
        return report;
    }

    private static Map<String, Object> stats(double[] values) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("median", median(values));
        stats.put("p90", percentile(values, 90));
        return stats;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** FLOPs of the image encoder on one image; see {@link #FORMULA}. */
    static double encoderFlops(ModelConfig c) {
        double s = c.imageSize();
        double ch = c.encoderChannels();
        double d = c.tokenDim();
        double m = c.visualTokens();
        double g = (double) c.gridSize() * c.gridSize();
        double convs = 2 * 9 * (3 * ch * Math.pow(s / 2, 2) + ch * 2 * ch * Math.pow(s / 4, 2)
                + 2 * ch * d * Math.pow(s / 8, 2));
        // Cross-attention layer: query and output projections on the M queries, key and value on the grid,
        // scores and the weighted sum, then the 4×-wide MLP on the queries.
        double gather = 2 * 2 * m * d * d + 2 * 2 * g * d * d + 2 * 2 * m * g * d + 2 * 2 * 4 * m * d * d;
        // Self-attention layer over the M tokens: four projections, scores and sum, the MLP.
        double mix = 2 * 4 * m * d * d + 2 * 2 * m * m * d + 2 * 2 * 4 * m * d * d;
        return convs + gather + mix;
    }

    /** FLOPs of one language-model run over the visual prefix and {@code promptTokens} text positions. */
    static double languageModelFlops(ModelConfig c, int vocabulary, double promptTokens) {
        double m = c.visualTokens();
        double d = c.lmmDim();
        double t = m + promptTokens;
        double prefix = 2 * m * c.tokenDim() * d;
        // Causal masking adds a bias; the full T×T scores are still computed.
        double layer = 2 * 4 * t * d * d + 2 * 2 * t * t * d + 2 * 2 * 4 * t * d * d;
        double head = 2 * promptTokens * d * vocabulary;
        return prefix + c.lmmLayers() * layer + head;
    }

    static double questionFlops(ModelConfig c, int vocabulary, double promptTokens) {
        double flops = encoderFlops(c);
        for (int run = 0; run < LM_RUNS_PER_QUESTION; run++) {
            flops += languageModelFlops(c, vocabulary, promptTokens + run);
        }
        return flops;
    }

    private static Map<String, Object> flopsReport(ModelConfig config, int vocabulary, double promptTokens,
                                                   double singleModelMs) {
        Map<String, Object> flops = new LinkedHashMap<>();
        double perQuestion = questionFlops(config, vocabulary, promptTokens);
        flops.put("per_question_one_model", perQuestion);
        flops.put("encoder", encoderFlops(config));
        flops.put("language_model_runs", LM_RUNS_PER_QUESTION);
        flops.put("mean_prompt_tokens", promptTokens);
        flops.put("formula", FORMULA);
        flops.put("latency_ms_one_model", singleModelMs);
        OptionalDouble mhz = cpuMegahertz();
        int processors = Runtime.getRuntime().availableProcessors();
        Double peak = mhz.isPresent() ? processors * mhz.getAsDouble() * 1e6 * FLOP_PER_CYCLE : null;
        flops.put("peak_flops_per_second", peak);
        flops.put("peak_is_assumption", true);
        flops.put("peak_assumption", "ASSUMED, not measured: " + processors + " available processors × "
                + (mhz.isPresent() ? String.format(Locale.ROOT, "%.0f MHz", mhz.getAsDouble()) : "unknown MHz")
                + " (highest 'cpu MHz' in /proc/cpuinfo) × " + FLOP_PER_CYCLE
                + " fp32 FLOP/cycle (AVX2: two 8-wide FMA units); with SMT the processors share FMA units, "
                + "so this overstates the peak");
        flops.put("fraction_of_peak", peak == null ? null : perQuestion / (singleModelMs / 1000) / peak);
        return flops;
    }

    /** Resident set size from {@code /proc/self/status}; empty where there is none (not Linux). */
    static OptionalDouble rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return OptionalDouble.of(Long.parseLong(kilobytes) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: report null rather than fail the benchmark
        }
        return OptionalDouble.empty();
    }

    /** The highest "cpu MHz" in {@code /proc/cpuinfo}; empty where there is none. */
    static OptionalDouble cpuMegahertz() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("cpu MHz"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(':') + 1).trim()))
                    .max();
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private void printSummary(PrintWriter out, Map<String, Object> report) {
        Map<String, Object> question = (Map<String, Object>) report.get("question_ms");
        Map<String, Object> reconstruction = (Map<String, Object>) report.get("reconstruction_ms");
        Map<String, Object> throughput = (Map<String, Object>) report.get("batched_questions_per_second");
        Map<String, Object> rss = (Map<String, Object>) report.get("rss_mb");
        Map<String, Object> flops = (Map<String, Object>) report.get("flops");
        Object threads = report.get("engine_threads");
        out.printf(Locale.ROOT, "perf: bundle %s, %s, %d processors, engine threads %s; %d warm-up + %d measured runs%n",
                report.get("bundle_id"), report.get("engine"), (Integer) report.get("available_processors"),
                threads == null ? "unset" : threads, warmup, repeats);
        out.printf(Locale.ROOT, "  one question, both models:      %s%n", medianAndP90(question.get("both_models")));
        out.printf(Locale.ROOT, "  %d-step reconstruction, both:    %s%n", ReconstructionDefaults.STEPS,
                medianAndP90(reconstruction.get("both_models")));
        out.printf(Locale.ROOT, "  batches of %d:                  baseline %.0f, deem %.0f questions/s%n", ProbeRunner.DEFAULT_BATCH,
                (Double) throughput.get(Variant.BASELINE.id()), (Double) throughput.get(Variant.DEEM.id()));
        Map<String, Object> training = (Map<String, Object>) report.get("training_step_ms");
        out.printf(Locale.ROOT, "  training step, batch %d:         UNet denoising %s; CSR through the UNet %s (%s)%n",
                (Integer) training.get("batch_size"), medianAndP90(training.get("unet_denoising")),
                medianAndP90(training.get("csr_encoder_through_unet")), report.get("kernels"));
        out.printf(Locale.ROOT, "  RSS:                            %s MB at start, %s MB at end%n",
                megabytes(rss.get("start")), megabytes(rss.get("end")));
        Object fraction = flops.get("fraction_of_peak");
        out.printf(Locale.ROOT, "  one question, one model:        %.2f MFLOP, %s of the assumed CPU peak%n",
                (Double) flops.get("per_question_one_model") / 1e6,
                fraction == null ? "unknown fraction" : String.format(Locale.ROOT, "%.4f %%", 100 * (Double) fraction));
        out.println("wrote " + this.out);
    }

    @SuppressWarnings("unchecked")
    private static String medianAndP90(Object stats) {
        Map<String, Object> s = (Map<String, Object>) stats;
        return String.format(Locale.ROOT, "median %.1f ms, p90 %.1f ms", (Double) s.get("median"), (Double) s.get("p90"));
    }

    private static String megabytes(Object value) {
        return value == null ? "?" : String.format(Locale.ROOT, "%.0f", (Double) value);
    }
}
