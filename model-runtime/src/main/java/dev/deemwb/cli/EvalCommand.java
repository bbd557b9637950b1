package dev.deemwb.cli;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.EndpointSettings;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.eval.Benchmark;
import dev.deemwb.eval.EvalReports;
import dev.deemwb.eval.ExternalPredictions;
import dev.deemwb.eval.Metric;
import dev.deemwb.eval.MiniSuite;
import dev.deemwb.eval.MmvpBenchmark;
import dev.deemwb.eval.PopeBenchmark;
import dev.deemwb.eval.ProbeRun;
import dev.deemwb.eval.ProbeRunner;
import dev.deemwb.eval.RobustVqaBenchmark;
import dev.deemwb.eval.RunInfo;
import dev.deemwb.eval.RunReport;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.Variant;
import dev.deemwb.eval.Benchmark;
import dev.deemwb.eval.ComparedPair;
import dev.deemwb.eval.EvalReports;
import dev.deemwb.eval.ExternalPredictions;
import dev.deemwb.eval.Metric;
import dev.deemwb.eval.MiniSuite;
import dev.deemwb.eval.MmvpBenchmark;
import dev.deemwb.eval.PopeBenchmark;
import dev.deemwb.eval.ProbeRun;
import dev.deemwb.eval.ProbeRunner;
import dev.deemwb.eval.RobustVqaBenchmark;
import dev.deemwb.eval.RunInfo;
import dev.deemwb.eval.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Runs benchmarks through the mini pair and any --model endpoints, and writes report.json and "
                + "report.csv to --out.",
            "Each benchmark runs in its own folder under OUT/runs (run.json + records.jsonl, one line per item); "
                    + "running again with the same --out resumes where a run stopped.",
            "Exit status: 0 done; 1 unreadable inputs; 2 bad usage; 3 done, but some items could not be asked "
                    + "(their reasons are in report.json)."})
final class EvalCommand implements Callable<Integer> {

    static final int SOME_ITEMS_FAILED = 3;
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Mixin
    ContenderOptions contenderOptions;

    static final class Source {
        @Option(names = "--suite", paramLabel = "NAME", description = "'mini': the three mini benchmarks.")
        String suite;

        @Option(names = "--pope", paramLabel = "FILE", arity = "1..*",
                description = "POPE split files (JSON Lines), e.g. coco_pope_random.json; with --images.")
        List<Path> pope;

        @Option(names = "--mmvp", paramLabel = "CSV", description = "MMVP Questions.csv; with --images.")
        Path mmvp;

        @Option(names = "--robustvqa", paramLabel = "JSON", description = "RobustVQA file; with --images (its image root).")
        Path robustVqa;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--images", paramLabel = "DIR", description = "The benchmark files' image folder.")
    Path images;

    @Option(names = "--benchmarks", paramLabel = "DIR",
            description = "With --suite mini: the mini benchmarks' folder, generated there from --seed if empty "
                    + "(default: OUT/benchmarks).")
    Path benchmarks;

    @Option(names = "--seed", defaultValue = "" + MiniSuite.DEFAULT_SEED, paramLabel = "SEED",
            description = "With --suite mini: the seed the benchmarks are generated from (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Another model's answers to the (one) benchmark, scored as a third column: a POPE answer "
                    + "file, MMVP {index, answer} or RobustVQA {question_id, answer} lines.")
    Path predictions;

    @Option(names = "--predictions-name", paramLabel = "NAME", defaultValue = "external",
            description = "The third column's name (default: ${DEFAULT-VALUE}).")
    String predictionsName;

    @Option(names = "--compare", split = ",", paramLabel = "A,B",
            description = "The two models the 2×2 table compares (default: baseline,deem; without the mini pair, "
                    + "the first two --model).")
    List<String> compare;

    @Option(names = "--batch", defaultValue = "" + ProbeRunner.DEFAULT_BATCH, paramLabel = "N",
            description = "Questions per model call (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where runs and reports are written.")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<Benchmark<?>> toRun = benchmarks();
        if (predictions != null && toRun.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--predictions needs exactly one benchmark file, not "
                    + toRun.size());
        }
        List<EndpointSettings> endpoints = contenderOptions.endpoints();
        if (Arrays.stream(Variant.values()).anyMatch(v -> v.id().equals(predictionsName))
                || endpoints.stream().anyMatch(e -> e.name().equals(predictionsName))) {
            throw new ParameterException(spec.commandLine(), "--predictions-name '" + predictionsName
                    + "' is taken by one of the models");
        }
        Map<String, Map<String, String>> external = predictions == null ? Map.of()
                : Map.of(predictionsName, ExternalPredictions.read(toRun.get(0), predictions));
        Bundles.readManifest(bundleOption.bundle); // a bad bundle is reported before the engine starts
        PrintWriter err = spec.commandLine().getErr();
        List<EvalReports.Entry> entries = new ArrayList<>();
        List<Contender> remote = ContenderOptions.connect(endpoints);
        try (NDManager manager = contenderOptions.withoutMini ? null : startEngine();
             MiniDeemModels loaded = manager == null ? null : Bundles.load(bundleOption.bundle, manager)) {
            List<Contender> contenders = new ArrayList<>(loaded == null ? List.of()
                    : MiniContender.pair(new MiniDeem(loaded)));
            contenders.addAll(remote);
            ComparedPair compared = contenderOptions.compared(contenders, compare);
            ProbeRunner runner = new ProbeRunner(contenders, batch);
            for (Benchmark<?> benchmark : toRun) {
                RunInfo info = RunInfo.describe(benchmark, bundleOption.bundle, contenders, batch);
                ProbeRun run = ProbeRun.open(out.resolve("runs").resolve(benchmark.name()), info);
                ProbeRunner.Timing timing = runner.run(benchmark, run, () -> { }, progressPrinter(err, benchmark.name()));
                RunReport report = RunReport.of(benchmark, run.info(), run.records(), external, compared);
                err.printf(Locale.ROOT, "%s: %d items, %d run now in %.1f s, %d could not be asked%n", benchmark.name(),
                        benchmark.items().size(), timing.items(), timing.wallSeconds(), report.errors().size());
                entries.add(new EvalReports.Entry(report, timing, run.totalTiming()));
            }
        } finally {
            remote.forEach(Contender::close);
        }
        EvalReports.write(out, entries);
        printTable(spec.commandLine().getOut(), entries);
        int failed = entries.stream().mapToInt(e -> e.report().errors().size()).sum();
        if (failed > 0) {
            err.println(failed + " items could not be asked; their reasons are in " + out.resolve(EvalReports.JSON_FILE));
            return SOME_ITEMS_FAILED;
        }
        return 0;
    }

    private static NDManager startEngine() {
        DjlSetup.configure();
        return NDManager.newBaseManager();
    }

    /**
     * A progress line on standard error at most every few seconds, so a long run shows it is alive:
     * items, items per second, time left and each model's latency.
     */
    private static ProbeRunner.Listener progressPrinter(PrintWriter err, String name) {
        long[] lastPrinted = {System.nanoTime()};
        return (records, progress) -> {
            long now = System.nanoTime();
            if (now - lastPrinted[0] >= PROGRESS_EVERY_NANOS && progress.done() < progress.total()) {
                lastPrinted[0] = now;
                StringBuilder latencies = new StringBuilder();
                progress.latencies().forEach((model, l) -> latencies.append(String.format(Locale.ROOT,
                        "; %s %.0f / %.0f ms (p50 / p90)", model, l.p50(), l.p90())));
                err.printf(Locale.ROOT, "%s: %d / %d items, %.1f items/s, about %.0f s left%s%n", name, progress.done(),
                        progress.total(), progress.itemsPerSecond(), progress.etaSeconds(), latencies);
            }
        };
    }

    private List<Benchmark<?>> benchmarks() throws IOException {
        if (source.suite != null) {
            if (!source.suite.equals("mini")) {
                throw new ParameterException(spec.commandLine(), "unknown suite '" + source.suite + "' (known: mini)");
            }
            Path dir = benchmarks != null ? benchmarks : out.resolve("benchmarks");
            MiniSuite.ensure(dir, seed);
            return MiniSuite.read(dir);
        }
        if (images == null) {
            throw new ParameterException(spec.commandLine(), "--images is needed with --pope, --mmvp and --robustvqa");
        }
        if (!Files.isDirectory(images)) {
            throw new IllegalArgumentException(images + ": not a folder");
        }
        List<Benchmark<?>> list = new ArrayList<>();
        if (source.pope != null) {
            for (Path file : source.pope) {
                list.add(PopeBenchmark.read(file, images));
            }
        } else if (source.mmvp != null) {
            list.add(MmvpBenchmark.read(source.mmvp, images));
        } else {
            list.add(RobustVqaBenchmark.read(source.robustVqa, images));
        }
        return list;
    }

    /**
     * benchmark, metric, variant, then per model its value and the n it is computed over (models can
     * be scored on different items: an imported file may cover only some).
     */
    private static void printTable(PrintWriter out, List<EvalReports.Entry> entries) {
        List<String> models = new ArrayList<>(entries.get(0).report().scores().keySet());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-18s %-22s %-52s", "benchmark", "metric",
                "variant"));
        models.forEach(model -> header.append(String.format(Locale.ROOT, " %18s", model + " (n)")));
        out.println(header);
        for (EvalReports.Entry entry : entries) {
            Map<String, Map<String, Metric>> rows = new LinkedHashMap<>();
            for (Metric metric : entry.report().metrics()) {
                rows.computeIfAbsent(metric.metric() + "\u0000" + metric.variant(), k -> new LinkedHashMap<>())
                        .put(metric.model(), metric);
            }
            rows.values().forEach(byModel -> {
                Metric first = byModel.values().iterator().next();
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s %-22s %-52s",
                        first.benchmark(), first.metric(), first.variant()));
                models.forEach(model -> {
                    Metric m = byModel.get(model);
                    line.append(String.format(Locale.ROOT, " %18s", m == null ? "—"
                            : m.percent() + String.format(Locale.ROOT, " (%d)", m.n())));
                });
                out.println(line);
            });
        }
    }
}
