package dev.deemwb.app.probes;

import dev.deemwb.app.widgets.ErrorBanner;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.probe.Metric;
import dev.deemwb.probe.Outcome;
import dev.deemwb.probe.RunRecord;
import dev.deemwb.probe.RunReport;
import dev.deemwb.probe.Slices;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.jfree.chart.fx.ChartViewer;

/**
 * The probes screen: pick a benchmark (the mini ones in one click, real files by path), run it with
 * progress, ETA and cancel, and read the results as they fill in — charts (right-click: PNG, SVG,
 * CSV), every metric with its counts and rule, and the baseline-versus-DEEM 2×2 table whose cells open
 * a gallery of their items. Built in code; all state lives in the {@link ProbesViewModel}.
 */
public final class ProbesView extends BorderPane {

    private static final int EXPORT_WIDTH = 900;
    private static final int THUMBNAIL = 72;
    private static final int THUMBNAILS_KEPT = 512;
    private static final int EXPORT_HEIGHT = 540;
    private static final Map<String, String> CHOICES = new LinkedHashMap<>();

    static {
        CHOICES.put("mini-POPE random", "pope_random");
        CHOICES.put("mini-POPE popular", "pope_popular");
        CHOICES.put("mini-POPE adversarial", "pope_adversarial");
        CHOICES.put("mini-MMVP", "mmvp");
        CHOICES.put("mini-RobustVQA", "robustvqa");
        CHOICES.put("POPE split file…", "file:pope");
        CHOICES.put("MMVP Questions.csv…", "file:mmvp");
        CHOICES.put("RobustVQA JSON…", "file:robustvqa");
    }

    private final ProbesViewModel model;
    private final VBox charts = new VBox(12);
    private final Map<String, ChartViewer> viewers = new LinkedHashMap<>();
    /*
     * Thumbnails are decoded on the FX thread when a cell first shows them, then kept: ControlsFX's grid
     * rebuilds its cells on layout, and images loaded in the background (by JavaFX or by us) never
     * reached the cell on screen in our runs. A 64×64 mini image decodes in well under a millisecond;
     * a COCO photo takes a few, once.
     */
    private final Map<String, Image> thumbnails = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > THUMBNAILS_KEPT;
        }
    };

    public ProbesView(ProbesViewModel model) {
        this.model = model;
        getStyleClass().add("probes");
        VBox top = new VBox(8, runBar(), new ErrorBanner(model.errorProperty(), model::dismissError, "probesError",
                "probesDismissError"));
        top.setPadding(new Insets(12, 12, 0, 12));
        setTop(top);
        ScrollPane results = new ScrollPane(new VBox(12, charts, metricsTable()));
        results.setFitToWidth(true);
        SplitPane split = new SplitPane(results, drillDown());
        split.setDividerPositions(0.6);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(12));
        model.reportProperty().addListener((obs, old, report) -> showCharts(report));
        showCharts(null);
    }

    private HBox runBar() {
        ComboBox<String> choice = new ComboBox<>();
        choice.setId("benchmarkChoice");
        choice.getItems().setAll(CHOICES.keySet());
        choice.getSelectionModel().selectFirst();
        Button run = new Button("Run");
        run.setId("runProbe");
        run.setTooltip(new Tooltip("Run the benchmark through both models (resumes a stopped run)"));
        run.setOnAction(e -> start(CHOICES.get(choice.getValue())));
        run.disableProperty().bind(model.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelProbe");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("probeProgress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(model.progressProperty());
        Label text = new Label();
        text.setId("probeProgressText");
        text.textProperty().bind(model.progressTextProperty());
        Button importButton = new Button("Import predictions…");
        importButton.setId("importPredictions");
        importButton.setTooltip(new Tooltip("Score another model's answers to this benchmark as a further column"));
        importButton.setOnAction(e -> {
            File file = chooseFile("Predictions of another model (JSON Lines)");
            if (file != null) {
                model.importPredictions(file.toPath());
            }
        });
        importButton.disableProperty().bind(model.reportProperty().isNull());
        HBox bar = new HBox(8, new Label("Benchmark"), choice, run, cancel, progress, text, importButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void start(String choice) {
        if (!choice.startsWith("file:")) {
            model.runMini(choice);
            return;
        }
        File file = chooseFile("The benchmark file");
        if (file == null) {
            return;
        }
        DirectoryChooser folder = new DirectoryChooser();
        folder.setTitle("The benchmark's image folder");
        folder.setInitialDirectory(file.getParentFile());
        File images = folder.showDialog(window());
        if (images != null) {
            model.runFile(choice.substring("file:".length()), file.toPath(), images.toPath());
        }
    }

    private File chooseFile(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        return chooser.showOpenDialog(window());
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void showCharts(RunReport report) {
        if (report == null) {
            viewers.clear();
            charts.getChildren().setAll(new Label("Pick a benchmark and press Run: charts and metrics fill in as "
                    + "the items are answered. A run stopped before its end resumes where it stopped."));
            return;
        }
        // A run refreshes its charts after every batch: the viewers stay, only their charts change.
        List<ChartViewer> shown = ProbeCharts.of(report).stream().map(named -> {
            ChartViewer viewer = viewers.computeIfAbsent(named.id(), this::viewer);
            viewer.setChart(named.chart());
            return viewer;
        }).toList();
        viewers.values().retainAll(shown);
        charts.getChildren().setAll(shown);
    }

    private ChartViewer viewer(String id) {
        ChartViewer viewer = new ChartViewer(null);
        viewer.setId("chart-" + id);
        viewer.setPrefHeight(320);
        viewer.setMinHeight(260);
        MenuItem png = new MenuItem("Export as PNG…");
        png.setOnAction(e -> export(id, "png", () -> ChartExports.png(viewer.getChart(), EXPORT_WIDTH, EXPORT_HEIGHT)));
        MenuItem svg = new MenuItem("Export as SVG…");
        svg.setOnAction(e -> export(id, "svg", () -> ChartExports.svg(viewer.getChart(), EXPORT_WIDTH, EXPORT_HEIGHT)
                .getBytes(StandardCharsets.UTF_8)));
        MenuItem csv = new MenuItem("Export data as CSV…");
        csv.setOnAction(e -> export(id, "csv", () -> ChartExports.csv(viewer.getChart()).getBytes(StandardCharsets.UTF_8)));
        viewer.getContextMenu().getItems().setAll(png, svg, csv); // ours write atomically and add CSV
        return viewer;
    }

    @FunctionalInterface
    private interface Content {
        byte[] bytes() throws IOException;
    }

    private void export(String chartId, String extension, Content content) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the chart");
        chooser.setInitialFileName(chartId + "." + extension);
        File chosen = chooser.showSaveDialog(window());
        if (chosen == null) {
            return;
        }
        try {
            AtomicFiles.write(chosen.toPath(), content.bytes());
        } catch (IOException | RuntimeException e) {
            model.errorProperty().set("Export failed: " + chosen + ": " + e.getMessage());
        }
    }

    /** Every metric with its rule (variant), N and confusion counts. */
    private TableView<Metric> metricsTable() {
        TableView<Metric> table = new TableView<>();
        table.setId("metrics");
        table.setPrefHeight(320);
        table.getColumns().setAll(List.of(
                column("model", Metric::model),
                column("metric", Metric::metric),
                column("value", m -> String.format(Locale.ROOT, "%.1f %%", 100 * m.value())),
                column("N", m -> String.valueOf(m.n())),
                column("TP", m -> count(m.tp())),
                column("FP", m -> count(m.fp())),
                column("TN", m -> count(m.tn())),
                column("FN", m -> count(m.fn())),
                column("variant", Metric::variant)));
        table.getColumns().get(table.getColumns().size() - 1).setPrefWidth(260);
        model.reportProperty().addListener((obs, old, report) ->
                table.getItems().setAll(report == null ? List.of() : report.metrics()));
        return table;
    }

    private static String count(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static TableColumn<Metric, String> column(String title, Function<Metric, String> value) {
        TableColumn<Metric, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    /** The slice picker, the 2×2 table of baseline against DEEM, and the gallery of the chosen cell. */
    private VBox drillDown() {
        ComboBox<Slices.Slice> slice = new ComboBox<>(model.slices());
        slice.setId("slice");
        slice.valueProperty().bindBidirectional(model.sliceProperty());
        GridPane table = new GridPane();
        table.setId("disagreement");
        table.setHgap(6);
        table.setVgap(6);
        table.add(new Label(""), 0, 0);
        table.add(new Label("DEEM right"), 1, 0);
        table.add(new Label("DEEM wrong"), 2, 0);
        table.add(new Label("baseline right"), 0, 1);
        table.add(new Label("baseline wrong"), 0, 2);
        ToggleGroup cells = new ToggleGroup();
        for (Outcome outcome : Outcome.values()) {
            ToggleButton cell = new ToggleButton();
            cell.setId("cell-" + outcome.name().toLowerCase(Locale.ROOT));
            cell.setToggleGroup(cells);
            cell.setUserData(outcome);
            cell.setMaxWidth(Double.MAX_VALUE);
            cell.setMinHeight(Region.USE_PREF_SIZE); // the count's line must not be squeezed out by the gallery
            cell.setTooltip(new Tooltip(outcome.label() + ": show these items"));
            cell.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> outcome.label() + "\n" + model.cellsProperty().get().get(outcome).size(),
                    model.cellsProperty()));
            boolean baselineRight = outcome == Outcome.BOTH_RIGHT || outcome == Outcome.ONLY_BASELINE_RIGHT;
            boolean deemRight = outcome == Outcome.BOTH_RIGHT || outcome == Outcome.ONLY_DEEM_RIGHT;
            table.add(cell, deemRight ? 1 : 2, baselineRight ? 1 : 2);
        }
        CheckBox pairs = new CheckBox("count MMVP pairs (both questions right)");
        pairs.setId("pairs");
        pairs.selectedProperty().bindBidirectional(model.pairsProperty());
        pairs.visibleProperty().bind(model.pairsAvailableProperty());
        pairs.managedProperty().bind(pairs.visibleProperty());
        cells.selectedToggleProperty().addListener((obs, old, toggle) ->
                model.outcomeProperty().set(toggle == null ? null : (Outcome) toggle.getUserData()));
        GridView<RunRecord> gallery = new GridView<>(model.gallery());
        gallery.setId("items");
        gallery.setCellWidth(170);
        gallery.setCellHeight(190);
        gallery.setCellFactory(grid -> new ItemCell());
        VBox.setVgrow(gallery, Priority.ALWAYS);
        Label hint = new Label("Click a cell for its items; click an item to ask it in the compare screen.");
        hint.getStyleClass().add("caption");
        HBox picker = new HBox(8, new Label("Slice"), slice, pairs);
        picker.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, picker, table, hint, gallery);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    /** An item: its image, question and both answers; a click opens it in the compare screen. */
    private final class ItemCell extends GridCell<RunRecord> {
        private final ImageView thumbnail = new ImageView();
        private final Label text = new Label();

        ItemCell() {
            // A fixed box: thumbnails load in the background, and the layout must not wait for them.
            thumbnail.setFitWidth(THUMBNAIL);
            thumbnail.setFitHeight(THUMBNAIL);
            thumbnail.setPreserveRatio(true);
            text.setWrapText(true);
            text.getStyleClass().add("caption");
            VBox box = new VBox(4, thumbnail, text);
            box.setAlignment(Pos.TOP_CENTER);
            setGraphic(box);
            setOnMouseClicked(e -> {
                if (getItem() != null) {
                    model.open(getItem());
                }
            });
        }

        @Override
        protected void updateItem(RunRecord record, boolean empty) {
            super.updateItem(record, empty);
            if (empty || record == null) {
                getGraphic().setVisible(false);
                setTooltip(null);
                return;
            }
            getGraphic().setVisible(true);
            Path image = model.benchmarkProperty().get().images().resolve(record.image());
            thumbnail.setImage(thumbnails.computeIfAbsent(image.toUri().toString(),
                    uri -> new Image(uri, THUMBNAIL, THUMBNAIL, true, true, false)));
            Map<String, RunRecord.ModelAnswer> answers = new LinkedHashMap<>(record.answers());
            answers.putAll(model.importedAnswers(record));
            StringBuilder line = new StringBuilder(record.id() + " · " + record.question());
            StringBuilder details = new StringBuilder(record.question() + "\nexpected: " + record.expected());
            answers.forEach((name, answer) -> {
                line.append("\n").append(name).append(": ").append(answer.parsed()).append(answer.correct() ? " ✓" : " ✗");
                details.append("\n").append(name).append(": ").append(answer.answer());
            });
            text.setText(line.toString());
            setTooltip(new Tooltip(details.toString()));
        }
    }
}
