package dev.deemwb.app.probes;

import dev.deemwb.app.probes.charts.ChartExports;
import dev.deemwb.app.probes.charts.ProbeCharts;
import dev.deemwb.app.widgets.ErrorBanner;
import dev.deemwb.eval.BenchmarkKind;
import dev.deemwb.eval.Metric;
import dev.deemwb.eval.RunReport;
import dev.deemwb.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;

/**
 * The probes screen: pick a benchmark (the mini ones in one click, real files by path), run it with
 * progress, ETA and cancel, and read the results as they fill in — charts (right-click: PNG, SVG,
 * CSV), every metric with its counts and rule, and the baseline-versus-DEEM 2×2 table whose cells open
 * a gallery of their items. Built in code; all state lives in the {@link ProbesViewModel}.
 */
public final class ProbesView extends BorderPane {

    private static final int EXPORT_WIDTH = 900;
    /** The width of one em of the default font, for column widths. */
    private static final double EM = Font.getDefault().getSize();
    private static final int EXPORT_HEIGHT = 540;

    private final ProbesViewModel model;
    private final VBox charts = new VBox(12);
    private final Map<String, ChartViewer> viewers = new LinkedHashMap<>();
    public ProbesView(ProbesViewModel model) {
        this.model = model;
        getStyleClass().add("probes");
        VBox top = new VBox(8, runBar(), new ErrorBanner(model.errorProperty(), model::dismissError, "probesError",
                "probesDismissError"));
        top.setPadding(new Insets(12, 12, 0, 12));
        setTop(top);
        ScrollPane results = new ScrollPane(new VBox(12, charts, metricsTable()));
        results.setFitToWidth(true);
        SplitPane split = new SplitPane(results, new DrillDownView(model.results()));
        split.setDividerPositions(0.6);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(12));
        model.results().reportProperty().addListener((obs, old, report) -> showCharts(report));
        showCharts(null);
    }

    /** One of the compared pair: any mini model or configured endpoint (the 2×2 table and the drill-down). */
    private ComboBox<String> pairPicker(String id, javafx.beans.property.StringProperty picked) {
        ComboBox<String> picker = new ComboBox<>(model.contenderNames());
        picker.setId(id);
        picker.valueProperty().bindBidirectional(picked);
        picker.disableProperty().bind(model.runningProperty());
        return picker;
    }

    private VBox runBar() {
        ComboBox<BenchmarkChoice> choice = new ComboBox<>();
        choice.setId("benchmarkChoice");
        choice.getItems().setAll(BenchmarkChoice.ALL);
        choice.getSelectionModel().selectFirst();
        Button run = new Button("Run");
        run.setId("runProbe");
        run.setTooltip(new Tooltip("Run the benchmark through the mini pair and the compared models (resumes a stopped run)"));
        run.setOnAction(e -> start(choice.getValue()));
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
                model.results().importPredictions(file.toPath());
            }
        });
        importButton.disableProperty().bind(model.results().reportProperty().isNull());
        ComboBox<String> first = pairPicker("probeFirst", model.firstProperty());
        ComboBox<String> second = pairPicker("probeSecond", model.secondProperty());
        HBox bar = new HBox(8, new Label("Benchmark"), choice, new Label("compare"), first, new Label("with"), second,
                run, cancel, progress, importButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        // The controls keep their words; the progress line (rates, latencies: long) gets a line of its own.
        bar.getChildren().forEach(node -> {
            if (node instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        return new VBox(4, bar, text);
    }

    private void start(BenchmarkChoice choice) {
        if (choice instanceof BenchmarkChoice.Mini mini) {
            model.runMini(mini.benchmark());
        } else if (choice instanceof BenchmarkChoice.File benchmarkFile) {
            runFile(benchmarkFile.kind());
        }
    }

    /** Asks for a benchmark file of {@code kind} and its image folder, then runs it. */
    private void runFile(BenchmarkKind kind) {
        File file = chooseFile("The benchmark file");
        if (file == null) {
            return;
        }
        DirectoryChooser folder = new DirectoryChooser();
        folder.setTitle("The benchmark's image folder");
        folder.setInitialDirectory(file.getParentFile());
        File images = folder.showDialog(window());
        if (images != null) {
            model.runFile(kind, file.toPath(), images.toPath());
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
                column("model", Metric::model, 9),
                column("metric", Metric::metric, 13),
                column("value", Metric::percent, 5),
                column("N", m -> String.valueOf(m.n()), 4),
                column("TP", m -> count(m.tp()), 4),
                column("FP", m -> count(m.fp()), 4),
                column("TN", m -> count(m.tn()), 4),
                column("FN", m -> count(m.fn()), 4),
                column("variant", Metric::variant, 20)));
        // The variant (the metric's rule, the longest text) takes whatever width the other columns leave.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        model.results().reportProperty().addListener((obs, old, report) ->
                table.getItems().setAll(report == null ? List.of() : report.metrics()));
        return table;
    }

    private static String count(Integer value) {
        return value == null ? "" : value.toString();
    }

    /** A column {@code ems} wide to start with (the variant, last, then takes what is left). */
    private static TableColumn<Metric, String> column(String title, Function<Metric, String> value, double ems) {
        TableColumn<Metric, String> column = new TableColumn<>(title);
        column.setPrefWidth(ems * EM);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }
}
