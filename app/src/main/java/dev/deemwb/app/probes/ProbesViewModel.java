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
import dev.deemwb.model.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The probes screen's run, free of any view: which benchmark, and its run in progress on a thread of
 * its own, the mini models' batches queued on the {@link InferenceWorker}, batch by batch into a run
 * folder (so a cancelled run resumes where it stopped), with progress and time left. What the run's report shows — imported predictions and the
 * disagreement drill-down — is the {@link #results()}. Results come back through {@code ui} (the FX
 * thread in the app, the caller's thread in tests).
 */
public final class ProbesViewModel implements AutoCloseable {

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
    /** The run in progress; touched on the UI thread only. */
    private Session current;
    private final ExecutorService runs = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "deemwb-probe-run");
        thread.setDaemon(true);
        return thread;
    });

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
        // The mini pair always runs, queued on the worker (so also before the roster has them: a run
        // started while the models load waits for them); endpoints only when compared, connected first.
        List<CompletableFuture<Contender>> endpoints = Stream.of(pair.first(), pair.second()).distinct()
                .filter(name -> !models.contains(name)).map(roster::contender).toList();
        Session session = new Session(pair);
        current = session;
        CompletableFuture.allOf(endpoints.toArray(CompletableFuture[]::new)).whenComplete((done, failure) ->
                ui.execute(() -> {
                    if (current != session) {
                        return; // cancelled or superseded while connecting
                    }
                    if (failure != null) {
                        finish(session, failure);
                        return;
                    }
                    List<Contender> remote = endpoints.stream().map(CompletableFuture::join).toList();
                    session.task = runs.submit(() -> {
                        Throwable failed = null;
                        try {
                            session.open(source.get(), remote);
                            session.runAll();
                        } catch (Throwable e) {
                            failed = e;
                        }
                        Throwable outcome = failed;
                        ui.execute(() -> finish(session, outcome));
                    });
                }));
    }

    /** The end of a run, on the UI thread; a superseded run's end changes nothing. */
    private void finish(Session session, Throwable failure) {
        if (current != session) {
            return;
        }
        current = null;
        if (failure == null) {
            progress.set(1);
            progressText.set(String.format(Locale.ROOT, "done: %d items, %d run now in %.1f s",
                    session.benchmark.items().size(), session.itemsRun, session.seconds()) + session.pace);
        } else if (InferenceWorker.isCancellation(failure) || session.cancelled) {
            progressText.set(progressText.get() + " — cancelled; run again to resume");
        } else {
            progress.set(0);
            progressText.set("failed");
            error.set(InferenceWorker.failureMessage(failure));
        }
        running.set(false); // last: whoever watches it sees the run's final state
    }

    /**
     * One run in progress, on the run thread: its mini models' batches queue on the worker (compare
     * screen questions are answered between two of them) and its endpoints' requests wait on their own
     * threads, so a slow server never holds the worker.
     */
    private final class Session {
        private final long start = System.nanoTime();
        private final ComparedPair pair;
        private volatile boolean cancelled;
        private volatile Future<?> task;
        private Benchmark<?> benchmark;
        private ProbeRun run;
        private ProbeRunner runner;
        private volatile int itemsRun;
        /** The latest batch's pace, kept on the UI thread for the line that says the run is done. */
        private String pace = "";

        Session(ComparedPair pair) {
            this.pair = pair;
        }

        void open(Benchmark<?> chosen, List<Contender> remote) throws IOException {
            checkCancelled();
            List<Contender> contenders = new ArrayList<>(MiniContender.pairOn(worker));
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

        void runAll() throws IOException {
            ProbeRunner.Timing timing = runner.run(benchmark, run, this::checkCancelled, (batch, p) -> {
                RunReport sofar = RunReport.of(benchmark, run.info(), run.records(), Map.of(), pair);
                String batchPace = pace(p.doneThisSession(), seconds(), p.latencies());
                itemsRun = p.doneThisSession();
                ui.execute(() -> {
                    results.show(sofar);
                    showProgress(p.done(), p.total(), p.etaSeconds());
                    pace = batchPace;
                    progressText.set(progressText.get() + batchPace);
                });
            });
            itemsRun = timing.items();
        }

        private void checkCancelled() {
            if (cancelled) {
                throw new CancellationException("cancelled");
            }
        }

        void cancel() {
            cancelled = true;
            Future<?> running = task;
            if (running != null) {
                running.cancel(false); // a run not started yet never starts; a running one stops at its next check
            }
        }

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Stops the run in progress (requests in flight are cancelled); what finished stays in the run folder. */
    public void cancel() {
        Session session = current;
        if (session != null) {
            session.cancel();
            finish(session, new CancellationException("cancelled"));
        }
    }

    /** Stops any run and its thread. */
    @Override
    public void close() {
        cancel();
        runs.shutdownNow();
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
