package dev.deemwb.app.probes;

import dev.deemwb.app.compare.LoadedImage;
import dev.deemwb.bench.mini.SceneIndex;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.ImageFiles;
import dev.deemwb.model.Variant;
import dev.deemwb.probe.Benchmark;
import dev.deemwb.probe.ExternalPredictions;
import dev.deemwb.probe.Judgement;
import dev.deemwb.probe.MiniSuite;
import dev.deemwb.probe.MmvpBenchmark;
import dev.deemwb.probe.Outcome;
import dev.deemwb.probe.PopeBenchmark;
import dev.deemwb.probe.ProbeItem;
import dev.deemwb.probe.ProbeRun;
import dev.deemwb.probe.ProbeRunner;
import dev.deemwb.probe.RobustVqaBenchmark;
import dev.deemwb.probe.RunInfo;
import dev.deemwb.probe.RunRecord;
import dev.deemwb.probe.RunReport;
import dev.deemwb.probe.Slices;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The probes screen's state and logic, free of any view: which benchmark, the run in progress (on the
 * {@link InferenceWorker}, batch by batch into a run folder, so a cancelled run resumes where it
 * stopped), the report so far, imported predictions, and the disagreement drill-down. Results come
 * back through {@code ui} (the FX thread in the app, the caller's thread in tests).
 */
public final class ProbesViewModel {

    /** The three mini benchmarks' names, as {@link Benchmark#name()} gives them. */
    public static final List<String> MINI = List.of("pope_random", "pope_popular", "pope_adversarial", "mmvp",
            "robustvqa");

    /**
     * An item to look at in the compare screen, with its question: {@code image} reads it (with its
     * scene, when the benchmark has one) and is meant to run off the FX thread.
     */
    public record OpenRequest(Callable<LoadedImage> image, String question) {
    }

    private final InferenceWorker worker;
    private final Executor ui;
    private final Path bundle;
    private final Path dataDir;
    private final List<String> models = Arrays.stream(Variant.values()).map(Variant::id).toList();
    private final ObjectProperty<Benchmark<?>> benchmark = new SimpleObjectProperty<>();
    private final ObjectProperty<RunReport> report = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<Slices.Slice> slices = FXCollections.observableArrayList(Slices.Slice.ALL);
    private final ObjectProperty<Slices.Slice> slice = new SimpleObjectProperty<>(Slices.Slice.ALL);
    private final ObjectProperty<Map<Outcome, List<RunRecord>>> cells = new SimpleObjectProperty<>(emptyCells());
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final BooleanProperty pairs = new SimpleBooleanProperty();
    private final BooleanProperty pairsAvailable = new SimpleBooleanProperty();
    private final ObservableList<RunRecord> gallery = FXCollections.observableArrayList();
    private final Map<String, Map<String, String>> external = new LinkedHashMap<>();
    private InferenceWorker.Request<Boolean> current;
    private Consumer<OpenRequest> onOpen = request -> { };

    /**
     * @param dataDir where the mini benchmarks are generated ({@code benchmarks/}) and runs kept
     *                ({@code runs/<bundle>/<benchmark>-<file hash>/})
     */
    public ProbesViewModel(InferenceWorker worker, Executor ui, Path bundle, Path dataDir) {
        this.worker = worker;
        this.ui = ui;
        this.bundle = bundle;
        this.dataDir = dataDir;
        slice.addListener((obs, old, now) -> refreshCells());
        pairs.addListener((obs, old, now) -> refreshCells());
        outcome.addListener((obs, old, now) -> refreshGallery());
    }

    /** Runs one of {@link #MINI}, generating the mini suite first if this machine has none yet. */
    public void runMini(String name) {
        if (!MINI.contains(name)) {
            throw new IllegalArgumentException("no mini benchmark '" + name + "' (known: " + MINI + ")");
        }
        Path suite = dataDir.resolve("benchmarks").resolve("mini-" + MiniSuite.DEFAULT_SEED);
        start("generating the mini benchmarks…", () -> {
            MiniSuite.ensure(suite, MiniSuite.DEFAULT_SEED);
            return MiniSuite.read(suite).stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
        });
    }

    /** Runs (or resumes, or shows the finished run of) a benchmark read by the caller. */
    public void run(Benchmark<?> chosen) {
        start("starting…", () -> chosen);
    }

    /**
     * Reads a real benchmark file on the worker and runs it; a file that cannot be read shows its
     * reason (file and line).
     *
     * @param kind {@code pope}, {@code mmvp} or {@code robustvqa}
     */
    public void runFile(String kind, Path file, Path images) {
        start("reading " + file.getFileName() + "…", () -> switch (kind) {
            case "pope" -> PopeBenchmark.read(file, images);
            case "mmvp" -> MmvpBenchmark.read(file, images);
            case "robustvqa" -> RobustVqaBenchmark.read(file, images);
            default -> throw new IllegalArgumentException("unknown benchmark kind '" + kind + "'");
        });
    }

    @FunctionalInterface
    private interface BenchmarkSource {
        Benchmark<?> get() throws IOException;
    }

    private void start(String firstStatus, BenchmarkSource source) {
        cancel();
        error.set("");
        running.set(true);
        progress.set(-1);
        progressText.set(firstStatus);
        external.clear();
        Session session = new Session();
        submit(session, (models, cancellation) -> {
            session.open(source.get(), models);
            return session.step(cancellation);
        });
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
                        session.benchmark.items().size(), session.itemsRun, session.seconds()));
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
        private Benchmark<?> benchmark;
        private ProbeRun run;
        private ProbeRunner runner;
        private volatile int itemsRun;

        void open(Benchmark<?> chosen, MiniDeem models) throws IOException {
            List<Contender> contenders = MiniContender.pair(models);
            RunInfo info = RunInfo.describe(chosen, bundle, contenders, ProbeRunner.DEFAULT_BATCH);
            benchmark = chosen;
            run = ProbeRun.open(dataDir.resolve("runs").resolve(info.bundle())
                    .resolve(chosen.name() + "-" + info.benchmarkSha256().substring(0, 12)), info);
            runner = new ProbeRunner(contenders, ProbeRunner.DEFAULT_BATCH);
            RunReport resumed = RunReport.of(chosen, run.info(), run.records(), Map.of());
            int done = run.records().size();
            ui.execute(() -> {
                ProbesViewModel.this.benchmark.set(chosen);
                showReport(resumed);
                showProgress(done, chosen.items().size(), Double.NaN);
            });
        }

        /** Runs the next batch; true when every item is finished. */
        boolean step(InferenceWorker.Cancellation cancellation) throws IOException {
            ProbeRunner.Timing timing = runner.run(benchmark, run, 1, cancellation::check, (batch, p) -> {
                RunReport sofar = RunReport.of(benchmark, run.info(), run.records(), Map.of());
                int runNow = itemsRun + batch.size();
                double eta = seconds() / runNow * (p.total() - p.done());
                ui.execute(() -> {
                    showReport(sofar);
                    showProgress(p.done(), p.total(), eta);
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

    /**
     * Scores another model's answers to the current benchmark as a further column, named after the file.
     * A file that does not fit the benchmark is refused with its reason and changes nothing.
     */
    public void importPredictions(Path file) {
        Benchmark<?> chosen = benchmark.get();
        if (chosen == null || report.get() == null) {
            error.set("Run or open a benchmark first: predictions are scored against its questions.");
            return;
        }
        try {
            Map<String, String> answers = ExternalPredictions.read(chosen, file);
            String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            if (models.contains(name)) {
                name = name + " (imported)";
            }
            external.put(name, answers);
            error.set("");
            showReport(report.get());
        } catch (IOException | RuntimeException e) {
            error.set("Cannot import " + file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Opens a drill-down item in the compare screen with its question; with its scene when the benchmark has one. */
    public void open(RunRecord record) {
        Benchmark<?> chosen = benchmark.get();
        Path image = chosen.images().resolve(record.image());
        onOpen.accept(new OpenRequest(() -> {
            Optional<SceneIndex.Entry> entry = sceneOf(chosen, record.image());
            return LoadedImage.of(ImageFiles.read(image), chosen.name() + " · item " + record.id(),
                    entry.map(SceneIndex.Entry::scene), entry.map(SceneIndex.Entry::shift),
                    entry.map(e -> Questions.all(e.scene()).stream().map(QaPair::question).toList()).orElse(List.of()));
        }, record.question()));
    }

    private static Optional<SceneIndex.Entry> sceneOf(Benchmark<?> benchmark, String image) throws IOException {
        Path index = benchmark.file().resolveSibling(SceneIndex.FILE_NAME);
        if (!Files.isRegularFile(index)) {
            return Optional.empty();
        }
        return SceneIndex.read(index).stream().filter(e -> e.image().equals(image)).findFirst();
    }

    public void setOnOpen(Consumer<OpenRequest> onOpen) {
        this.onOpen = onOpen;
    }

    public void dismissError() {
        error.set("");
    }

    private void showReport(RunReport fresh) {
        RunReport withExternal = external.isEmpty() ? fresh
                : RunReport.of(fresh.benchmark(), fresh.info(), fresh.records(), external);
        report.set(withExternal);
        pairsAvailable.set(withExternal.records().stream().anyMatch(r -> r.slices().containsKey(Slices.PAIR)));
        List<Slices.Slice> available = Slices.available(withExternal.records());
        if (!slices.equals(available)) {
            Slices.Slice selected = slice.get();
            slices.setAll(available);
            slice.set(available.contains(selected) ? selected : Slices.Slice.ALL);
        }
        refreshCells();
    }

    private void showProgress(int done, int total, double etaSeconds) {
        progress.set(total == 0 ? 1 : done / (double) total);
        String eta = Double.isNaN(etaSeconds) ? "" : String.format(Locale.ROOT, " · %.0f s left", etaSeconds);
        progressText.set(String.format(Locale.ROOT, "%d / %d items%s", done, total, eta));
    }

    private void refreshCells() {
        RunReport current = report.get();
        // A combo box clears its value while its items are replaced; no slice means every item.
        Slices.Slice chosen = slice.get() == null ? Slices.Slice.ALL : slice.get();
        if (current == null) {
            cells.set(emptyCells());
        } else {
            cells.set(pairs.get() && pairsAvailable.get() ? Slices.disagreementByPair(current.records(), chosen)
                    : Slices.disagreement(current.records(), chosen));
        }
        refreshGallery();
    }

    private void refreshGallery() {
        Outcome chosen = outcome.get();
        gallery.setAll(chosen == null ? List.of() : cells.get().get(chosen));
    }

    private static Map<Outcome, List<RunRecord>> emptyCells() {
        Map<Outcome, List<RunRecord>> empty = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            empty.put(o, List.of());
        }
        return empty;
    }

    public ObjectProperty<Benchmark<?>> benchmarkProperty() {
        return benchmark;
    }

    public ObjectProperty<RunReport> reportProperty() {
        return report;
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

    public ObservableList<Slices.Slice> slices() {
        return slices;
    }

    public ObjectProperty<Slices.Slice> sliceProperty() {
        return slice;
    }

    /** The 2×2 table of the current slice: records per outcome. */
    public ObjectProperty<Map<Outcome, List<RunRecord>>> cellsProperty() {
        return cells;
    }

    /** The cell whose items the gallery shows; null for none. */
    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public ObservableList<RunRecord> gallery() {
        return gallery;
    }

    /** Whether the 2×2 table counts MMVP pairs (both questions right) instead of questions. */
    public BooleanProperty pairsProperty() {
        return pairs;
    }

    /** Whether the current benchmark has pairs (MMVP). */
    public BooleanProperty pairsAvailableProperty() {
        return pairsAvailable;
    }

    /** Imported models' answers to an item, judged by the benchmark's rule, by model name. */
    public Map<String, RunRecord.ModelAnswer> importedAnswers(RunRecord record) {
        ProbeItem item = new ProbeItem(record.id(), record.image(), record.question(), record.expected(), record.slices());
        Map<String, RunRecord.ModelAnswer> answers = new LinkedHashMap<>();
        external.forEach((name, byId) -> {
            String answer = byId.get(record.id());
            if (answer != null) {
                Judgement judgement = benchmark.get().judge(item, answer);
                answers.put(name, new RunRecord.ModelAnswer(answer, judgement.parsed(), judgement.correct()));
            }
        });
        return answers;
    }
}
