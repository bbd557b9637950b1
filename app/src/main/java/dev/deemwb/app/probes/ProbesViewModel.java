package dev.deemwb.app.probes;

import dev.deemwb.eval.Benchmark;
import dev.deemwb.eval.BenchmarkKind;
import dev.deemwb.eval.ComparedPair;
import dev.deemwb.eval.Latencies;
import dev.deemwb.eval.MiniSuite;
import dev.deemwb.eval.ProbeRun;
import dev.deemwb.eval.ProbeRunner;
import dev.deemwb.eval.RunInfo;
import dev.deemwb.eval.RunReport;
import dev.deemwb.app.compare.LoadedImage;
import dev.deemwb.app.contenders.ContenderRoster;
import dev.deemwb.bench.mini.SceneIndex;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.model.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The probes screen's run, free of any view: which benchmark, and its run in progress on the
 * {@link InferenceWorker}, batch by batch into a run folder (so a cancelled run resumes where it
 * stopped), with progress and time left. What the run's report shows — imported predictions and the
 * disagreement drill-down — is the {@link #results()}. Results come back through {@code ui} (the FX
 * thread in the app, the caller's thread in tests).
 */
public final class ProbesViewModel {

    private final ContenderRoster roster;
    private final InferenceWorker worker;
    private final Executor ui;
    private final Path bundle;
    private final Path dataDir;
    private final List<String> models = Arrays.stream(Variant.values()).map(Variant::id).toList();
    private final StringProperty first = new SimpleStringProperty(Variant.BASELINE.id());
    private final StringProperty second = new SimpleStringProperty(Variant.DEEM.id());
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final DrillDownViewModel results = new DrillDownViewModel(models, error);
    private InferenceWorker.Request<Boolean> current;

    /**
     * @param dataDir where the mini benchmarks are generated ({@code benchmarks/}) and runs kept
     *                ({@code runs/<bundle>/<benchmark>-<file hash>/})
     */
    public ProbesViewModel(InferenceWorker worker, Executor ui, Path bundle, Path dataDir) {
        this(ContenderRoster.of(worker, ui, Runnable::run, Map.of()), worker, ui, bundle, dataDir);
    }

    /** With the endpoints of {@code roster}: the compared pair ({@link #firstProperty()}) may be any two. */
    public ProbesViewModel(ContenderRoster roster, InferenceWorker worker, Executor ui, Path bundle, Path dataDir) {
        this.roster = roster;
        this.worker = worker;
        this.ui = ui;
        this.bundle = bundle;
        this.dataDir = dataDir;
    }

    /** Runs a mini benchmark, generating the mini suite first if this machine has none yet. */
    public void runMini(MiniBenchmark mini) {
        Path suite = dataDir.resolve("benchmarks").resolve("mini-" + MiniSuite.DEFAULT_SEED);
        start("generating the mini benchmarks…", () -> {
            MiniSuite.ensure(suite, MiniSuite.DEFAULT_SEED);
            return MiniSuite.read(suite).stream().filter(b -> b.name().equals(mini.benchmarkName())).findFirst()
                    .orElseThrow();
        });
    }

    /** Runs (or resumes, or shows the finished run of) a benchmark read by the caller. */
    public void run(Benchmark<?> chosen) {
        start("starting…", () -> chosen);
    }

    /**
     * Reads a real benchmark file on the worker and runs it; a file that cannot be read shows its
     * reason (file and line).
     */
    public void runFile(BenchmarkKind kind, Path file, Path images) {
        start("reading " + file.getFileName() + "…", () -> kind.read(file, images));
    }

    @FunctionalInterface
    private interface BenchmarkSource {
        Benchmark<?> get() throws IOException;
    }

    private void start(String firstStatus, BenchmarkSource source) {
        if (first.get() == null || second.get() == null || first.get().equals(second.get())) {
            error.set("Pick two different models to compare (the 2×2 table's rows and columns).");
            return;
        }
        cancel();
        error.set("");
        running.set(true);
        progress.set(-1);
        progressText.set(firstStatus);
        results.clearImports();
        ComparedPair pair = new ComparedPair(first.get(), second.get());
        // The mini pair always runs, from the worker's own models (so also before the roster has them: a
        // run started while the models load waits for them); endpoints only when compared, connected first.
        List<CompletableFuture<Contender>> endpoints = Stream.of(pair.first(), pair.second()).distinct()
                .filter(name -> !models.contains(name)).map(roster::contender).toList();
        Session session = new Session(pair);
        CompletableFuture.allOf(endpoints.toArray(CompletableFuture[]::new)).whenComplete((done, failure) ->
                ui.execute(() -> {
                    if (failure != null) {
                        running.set(false);
                        progressText.set("failed");
                        error.set(InferenceWorker.failureMessage(failure));
                        return;
                    }
                    List<Contender> remote = endpoints.stream().map(CompletableFuture::join).toList();
                    submit(session, (models, cancellation) -> {
                        session.open(source.get(), models, remote);
                        return session.step(cancellation);
                    });
                }));
    }

    /**
     * Runs one batch per worker request and queues the next when it is done: questions asked in the
     * compare screen meanwhile are answered between two batches, not after the whole benchmark.
     */
    private void submit(Session session, InferenceWorker.Task<Boolean> step) {
        InferenceWorker.Request<Boolean> request = worker.submit(step);
        current = request;
        request.result().whenComplete((finished, failure) -> ui.execute(() -> {
            if (current != request) {
                return; // superseded by a newer run, which owns the state now
            }
            if (failure == null && !finished) {
                submit(session, (models, cancellation) -> session.step(cancellation));
                return;
            }
            running.set(false);
            current = null;
            if (failure == null) {
                progress.set(1);
                progressText.set(String.format(Locale.ROOT, "done: %d items, %d run now in %.1f s",
                        session.benchmark.items().size(), session.itemsRun, session.seconds()) + session.pace);
            } else if (InferenceWorker.isCancellation(failure)) {
                progressText.set(progressText.get() + " — cancelled; run again to resume");
            } else {
                progress.set(0);
                progressText.set("failed");
                error.set(InferenceWorker.failureMessage(failure));
            }
        }));
    }

    /** One run in progress, touched only on the worker thread (and read once it is over). */
    private final class Session {
        private final long start = System.nanoTime();
        private final ComparedPair pair;
        private Benchmark<?> benchmark;
        private ProbeRun run;
        private ProbeRunner runner;
        private volatile int itemsRun;
        /** The latest batch's pace, kept on the UI thread for the line that says the run is done. */
        private String pace = "";

        Session(ComparedPair pair) {
            this.pair = pair;
        }

        void open(Benchmark<?> chosen, MiniDeem models, List<Contender> remote) throws IOException {
            List<Contender> contenders = new ArrayList<>(MiniContender.pair(models));
            contenders.addAll(remote);
            RunInfo info = RunInfo.describe(chosen, bundle, contenders, ProbeRunner.DEFAULT_BATCH);
            benchmark = chosen;
            run = ProbeRun.open(dataDir.resolve("runs").resolve(info.bundle())
                    .resolve(chosen.name() + "-" + info.benchmarkSha256().substring(0, 12)), info);
            runner = new ProbeRunner(contenders, ProbeRunner.DEFAULT_BATCH);
            RunReport resumed = RunReport.of(chosen, run.info(), run.records(), Map.of(), pair);
            int done = run.records().size();
            ui.execute(() -> {
                results.show(resumed);
                showProgress(done, chosen.items().size(), Double.NaN);
            });
        }

        /** Runs the next batch; true when every item is finished. */
        boolean step(InferenceWorker.Cancellation cancellation) throws IOException {
            ProbeRunner.Timing timing = runner.run(benchmark, run, 1, cancellation::check, (batch, p) -> {
                RunReport sofar = RunReport.of(benchmark, run.info(), run.records(), Map.of(), pair);
                // The runner's progress counts this request's batch only; the pace is the whole session's.
                double eta = new ProbeRunner.Progress(p.done(), p.total(), p.errors(), seconds(),
                        itemsRun + batch.size(), p.latencies()).etaSeconds();
                String batchPace = pace(itemsRun + batch.size(), seconds(), p.latencies());
                ui.execute(() -> {
                    results.show(sofar);
                    showProgress(p.done(), p.total(), eta);
                    pace = batchPace;
                    progressText.set(progressText.get() + batchPace);
                });
            });
            itemsRun += timing.items();
            return run.records().size() >= benchmark.items().size();
        }

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Stops the run in progress after its current batch; what finished stays in the run folder. */
    public void cancel() {
        if (current != null) {
            current.cancel().run();
        }
    }

    public void dismissError() {
        error.set("");
    }

    private void showProgress(int done, int total, double etaSeconds) {
        progress.set(total == 0 ? 1 : done / (double) total);
        String eta = Double.isNaN(etaSeconds) ? "" : String.format(Locale.ROOT, " · %.0f s left", etaSeconds);
        progressText.set(String.format(Locale.ROOT, "%d / %d items%s", done, total, eta));
    }

    /** Items per second of this session, and each model's latency percentiles in the latest batch. */
    private static String pace(int items, double seconds, Map<String, Latencies> latencies) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, " · %.1f items/s",
                seconds > 0 ? items / seconds : 0));
        latencies.forEach((model, l) -> text.append(String.format(Locale.ROOT, " · %s p50 %.0f / p90 %.0f ms",
                model, l.p50(), l.p90())));
        return text.toString();
    }

    /** The first of the compared pair (the 2×2 table's rows): a mini model's or a configured endpoint's name. */
    public StringProperty firstProperty() {
        return first;
    }

    public StringProperty secondProperty() {
        return second;
    }

    /** The names either of the pair can be. */
    public ObservableList<String> contenderNames() {
        return roster.names();
    }

    /** The run's report with imported predictions, and the drill-down into it. */
    public DrillDownViewModel results() {
        return results;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** 0..1, or -1 while the size of the work is not known yet. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
