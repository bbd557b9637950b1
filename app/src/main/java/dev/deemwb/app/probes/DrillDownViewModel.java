package dev.deemwb.app.probes;

import dev.deemwb.app.compare.LoadedImage;
import dev.deemwb.bench.mini.SceneIndex;
import dev.deemwb.eval.Benchmark;
import dev.deemwb.eval.ComparedPair;
import dev.deemwb.eval.ExternalPredictions;
import dev.deemwb.eval.Judgement;
import dev.deemwb.eval.Outcome;
import dev.deemwb.eval.ProbeItem;
import dev.deemwb.eval.RunRecord;
import dev.deemwb.eval.RunReport;
import dev.deemwb.eval.Slices;
import dev.deemwb.io.ImageFiles;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the probes screen shows of a run, free of any view: the report with other models' imported
 * predictions as further columns, and the drill-down — a slice, the 2×2 table of baseline against DEEM
 * in it, and the gallery of one cell, whose items open in the compare screen.
 */
public final class DrillDownViewModel {

    /**
     * An item to look at in the compare screen, with its question: {@code image} reads it (with its
     * scene, when the benchmark has one) and is meant to run off the FX thread.
     */
    public record OpenRequest(ItemImage image, String question) {
    }

    /** Both items of an MMVP pair, for the pair view: their images, their shared question, and where they are from. */
    public record PairRequest(ItemImage first, ItemImage second, String question, String label) {
    }

    /** Reads an item's image as the compare screen shows it, at the models' input size. */
    @FunctionalInterface
    public interface ItemImage {
        LoadedImage read(int modelInputSize) throws IOException;
    }

    private final Collection<String> ownModels;
    private final StringProperty error;
    private final ReadOnlyObjectWrapper<RunReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Slices.Slice> slices = FXCollections.observableArrayList(Slices.Slice.ALL);
    private final ObjectProperty<Slices.Slice> slice = new SimpleObjectProperty<>(Slices.Slice.ALL);
    private final ReadOnlyObjectWrapper<Map<Outcome, List<RunRecord>>> cells = new ReadOnlyObjectWrapper<>(emptyCells());
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final BooleanProperty pairs = new SimpleBooleanProperty();
    private final BooleanProperty pairsAvailable = new SimpleBooleanProperty();
    private final ObservableList<RunRecord> gallery = FXCollections.observableArrayList();
    /** Imported answers by model name, then by item id. */
    private final Map<String, Map<String, String>> imported = new LinkedHashMap<>();
    private RunReport ofRun;
    private Consumer<OpenRequest> onOpen = request -> { };
    private Consumer<PairRequest> onOpenPair = request -> { };

    /**
     * @param ownModels the run's model ids; an imported file of the same name is renamed
     * @param error     where a refused import says why
     */
    DrillDownViewModel(Collection<String> ownModels, StringProperty error) {
        this.ownModels = ownModels;
        this.error = error;
        slice.addListener((obs, old, now) -> refreshCells());
        pairs.addListener((obs, old, now) -> refreshCells());
        outcome.addListener((obs, old, now) -> refreshGallery());
    }

    /** Shows the run's report so far, with the imported columns; null for no run. */
    void show(RunReport runReport) {
        ofRun = runReport;
        RunReport shown = runReport == null || imported.isEmpty() ? runReport
                : RunReport.of(runReport.benchmark(), runReport.info(), runReport.records(), imported,
                        runReport.compared());
        report.set(shown);
        pairsAvailable.set(shown != null && shown.records().stream().anyMatch(r -> r.slices().containsKey(Slices.PAIR)));
        List<Slices.Slice> available = shown == null ? List.of(Slices.Slice.ALL) : Slices.available(shown.records());
        if (!slices.equals(available)) {
            Slices.Slice selected = slice.get();
            slices.setAll(available);
            slice.set(available.contains(selected) ? selected : Slices.Slice.ALL);
        }
        refreshCells();
    }

    /** A new run starts without the previous benchmark's imports. */
    void clearImports() {
        imported.clear();
    }

    /**
     * Scores another model's answers to the current benchmark as a further column, named after the file.
     * A file that does not fit the benchmark is refused with its reason and changes nothing.
     */
    public void importPredictions(Path file) {
        if (ofRun == null) {
            error.set("Run or open a benchmark first: predictions are scored against its questions.");
            return;
        }
        try {
            Map<String, String> answers = ExternalPredictions.read(ofRun.benchmark(), file);
            String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            imported.put(ownModels.contains(name) ? name + " (imported)" : name, answers);
            error.set("");
            show(ofRun);
        } catch (IOException | RuntimeException e) {
            error.set("Cannot import " + file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Imported models' answers to an item, judged by the benchmark's rule, by model name. */
    public Map<String, RunRecord.ModelAnswer> importedAnswers(RunRecord record) {
        ProbeItem item = new ProbeItem(record.id(), record.image(), record.question(), record.expected(), record.slices());
        Map<String, RunRecord.ModelAnswer> answers = new LinkedHashMap<>();
        imported.forEach((name, byId) -> {
            String answer = byId.get(record.id());
            if (answer != null) {
                Judgement judgement = ofRun.benchmark().judge(item, answer);
                answers.put(name, new RunRecord.ModelAnswer(answer, judgement.parsed(), judgement.correct()));
            }
        });
        return answers;
    }

    /** The image file of an item of the report's benchmark. */
    public Path imageOf(RunRecord record) {
        return ofRun.benchmark().images().resolve(record.image());
    }

    /** Opens a drill-down item in the compare screen with its question; with its scene when the benchmark has one. */
    public void open(RunRecord record) {
        onOpen.accept(new OpenRequest(reader(record), record.question()));
    }

    /** The other item of {@code record}'s MMVP pair (same pair number), if the run has both. */
    public Optional<RunRecord> partnerOf(RunRecord record) {
        String pair = record.slices().get(Slices.PAIR);
        if (pair == null || ofRun == null) {
            return Optional.empty();
        }
        return ofRun.records().stream().filter(r -> pair.equals(r.slices().get(Slices.PAIR)) && !r.id().equals(record.id()))
                .findFirst();
    }

    /** Opens {@code record} and its MMVP partner side by side in the pair view, asked their question. */
    public void openPair(RunRecord record) {
        partnerOf(record).ifPresent(partner -> onOpenPair.accept(new PairRequest(reader(record), reader(partner),
                record.question(), ofRun.benchmark().name() + " pair " + record.slices().get(Slices.PAIR) + " (items "
                + record.id() + " and " + partner.id() + ")")));
    }

    private ItemImage reader(RunRecord record) {
        Benchmark<?> benchmark = ofRun.benchmark();
        Path image = imageOf(record);
        return modelInputSize -> {
            Optional<SceneIndex.Entry> entry = sceneOf(benchmark, record.image());
            return LoadedImage.of(ImageFiles.read(image), benchmark.name() + " · item " + record.id(),
                    entry.map(SceneIndex.Entry::scene), entry.map(SceneIndex.Entry::shift),
                    entry.map(e -> Questions.all(e.scene()).stream().map(QaPair::question).toList()).orElse(List.of()),
                    modelInputSize);
        };
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

    public void setOnOpenPair(Consumer<PairRequest> onOpenPair) {
        this.onOpenPair = onOpenPair;
    }

    private void refreshCells() {
        RunReport current = report.get();
        // A combo box clears its value while its items are replaced; no slice means every item.
        Slices.Slice chosen = slice.get() == null ? Slices.Slice.ALL : slice.get();
        if (current == null) {
            cells.set(emptyCells());
        } else {
            ComparedPair pair = comparedPair();
            cells.set(pairs.get() && pairsAvailable.get() ? Slices.disagreementByPair(current.records(), pair, chosen)
                    : Slices.disagreement(current.records(), pair, chosen));
        }
        refreshGallery();
    }

    /** The compared pair's names, first and second, as the 2×2 table heads its rows and columns. */
    public List<String> pairNames() {
        ComparedPair pair = comparedPair();
        return pair.equals(ComparedPair.MINI) ? List.of("baseline", "DEEM") : List.of(pair.first(), pair.second());
    }

    private ComparedPair comparedPair() {
        RunReport current = report.get();
        return current == null || current.compared() == null ? ComparedPair.MINI : current.compared();
    }

    /** {@code outcome}'s label naming the compared pair ("only served right"). */
    public String label(Outcome outcome) {
        ComparedPair pair = comparedPair();
        return pair.equals(ComparedPair.MINI) ? outcome.label() : switch (outcome) {
            case ONLY_BASELINE_RIGHT -> "only " + pair.first() + " right";
            case ONLY_DEEM_RIGHT -> "only " + pair.second() + " right";
            default -> outcome.label();
        };
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

    /** The run's report with the imported columns: what the charts and the metrics table show. */
    public ReadOnlyObjectProperty<RunReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<Slices.Slice> slices() {
        return slices;
    }

    public ObjectProperty<Slices.Slice> sliceProperty() {
        return slice;
    }

    /** The 2×2 table of the current slice: records per outcome. */
    public ReadOnlyObjectProperty<Map<Outcome, List<RunRecord>>> cellsProperty() {
        return cells.getReadOnlyProperty();
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
}
