package dev.deemwb.cli;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.infer.ReconstructionDefaults;
import dev.deemwb.io.Json;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.Variant;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "perf-soak", mixinStandardHelpOptions = true,
        description = {"The memory soak: many single questions, then many reconstructions, through the shipped "
                + "models, sampling the process's resident memory and the Java heap (after a GC) as they go.",
            "Writes a JSON report with every sample; flat numbers mean nothing accumulates. A benchmark, not a test."})
final class SoakCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the JSON report.")
    Path out;

    @Option(names = "--answers", defaultValue = "10000", paramLabel = "N",
            description = "Single questions, the two models in turn (default: ${DEFAULT-VALUE}).")
    int answers;

    @Option(names = "--reconstructions", defaultValue = "500", paramLabel = "N",
            description = "Reconstructions, the two models in turn (default: ${DEFAULT-VALUE}).")
    int reconstructions;

    @Option(names = "--samples", defaultValue = "20", paramLabel = "N",
            description = "Memory samples per phase (default: ${DEFAULT-VALUE}).")
    int samples;

    @Override
    public Integer call() throws IOException {
        if (answers < 1 || reconstructions < 1 || samples < 1) {
            throw new ParameterException(spec.commandLine(), "--answers, --reconstructions and --samples must be at "
                    + "least 1");
        }
        Bundles.readManifest(bundleOption.bundle);
        DjlSetup.configure();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        report.put("start", sample(0));
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = Bundles.load(bundleOption.bundle, manager)) {
            MiniDeem miniDeem = new MiniDeem(models);
            List<PerfCommand.Item> items = PerfCommand.workload(miniDeem);
            report.put("loaded", sample(0));
            report.put("answers", phase(answers, i -> {
                PerfCommand.Item item = items.get(i % items.size());
                miniDeem.answer(i % 2 == 0 ? Variant.BASELINE : Variant.DEEM, List.of(item.image()),
                        List.of(item.question()));
            }));
            report.put("reconstructions", phase(reconstructions, i -> miniDeem.reconstruct(
                    i % 2 == 0 ? Variant.BASELINE : Variant.DEEM, items.get(i % items.size()).image(),
                    ReconstructionDefaults.NOISE, ReconstructionDefaults.STEPS, i, null)));
        }
        Json.write(out, report);
        spec.commandLine().getErr().println("wrote " + out);
        return 0;
    }

    private interface Step {
        void run(int index);
    }

    /** Runs {@code count} steps, sampling memory {@link #samples} times, evenly. */
    private Map<String, Object> phase(int count, Step step) {
        List<Map<String, Object>> taken = new ArrayList<>();
        int every = Math.max(1, count / samples);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            step.run(i);
            if ((i + 1) % every == 0 || i == count - 1) {
                taken.add(sample(i + 1));
            }
        }
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("count", count);
        phase.put("seconds", (System.nanoTime() - start) / 1e9);
        phase.put("samples", taken);
        double first = (Double) taken.get(0).get("rss_mb");
        double max = taken.stream().mapToDouble(s -> (Double) s.get("rss_mb")).max().orElse(first);
        phase.put("rss_mb_first_sample", first);
        phase.put("rss_mb_last_sample", taken.get(taken.size() - 1).get("rss_mb"));
        phase.put("rss_mb_max", max);
        spec.commandLine().getErr().printf(Locale.ROOT, "%d done; resident %.0f MB at the first sample, %.0f at the "
                + "last, %.0f at most%n", count, first, (Double) taken.get(taken.size() - 1).get("rss_mb"), max);
        return phase;
    }

    private static Map<String, Object> sample(int done) {
        System.gc(); // the heap that is live, not what is waiting for a collection
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        OptionalDouble rss = PerfCommand.rssMegabytes();
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("done", done);
        sample.put("rss_mb", rss.isPresent() ? rss.getAsDouble() : Double.NaN);
        sample.put("heap_used_mb", heap.getUsed() / (1024.0 * 1024.0));
        sample.put("heap_committed_mb", heap.getCommitted() / (1024.0 * 1024.0));
        return sample;
    }
}
