package dev.deemwb.app;

import dev.deemwb.app.compare.CompareView;
import dev.deemwb.app.compare.CompareViewModel;
import dev.deemwb.app.compare.ImageSources;
import dev.deemwb.app.compare.LoadedImage;
import dev.deemwb.app.probes.ProbesView;
import dev.deemwb.app.probes.ProbesViewModel;
import dev.deemwb.app.settings.Settings;
import dev.deemwb.app.settings.SettingsStore;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.io.AppDirs;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.Png;
import dev.deemwb.numerics.SafeKernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * The workbench window: the sample gallery, the compare screen, menus with every shortcut and a
 * status bar with the worker's progress and device. Models load on the inference worker while the
 * window is already up. The bundle and sample folders come from the system properties
 * {@code deemwb.bundle} and {@code deemwb.samples}, else from the repository's folders; probe runs
 * and generated benchmarks go to {@code deemwb.data}, else the user's data folder.
 */
public class WorkbenchApp extends Application {

    private final ImageSources sources = new ImageSources();
    private final SplittableRandom seeds = new SplittableRandom();
    /** Decodes files and draws scenes, so the FX thread only ever receives finished images. */
    private final ExecutorService imageLoader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "deemwb-image-loader");
        thread.setDaemon(true);
        return thread;
    });
    private SettingsStore store;
    private Settings settings;
    private InferenceWorker worker;
    private CompareViewModel model;
    private ProbesViewModel probes;
    private TabPane tabs;
    private Tab compareTab;
    private CompareView compareView;
    private BorderPane root;
    private Scene scene;
    private Stage stage;

    public static void main(String[] args) {
        SafeKernels.relaunchIfNeeded(System.err);
        launch(args);
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        store = System.getProperty("deemwb.settings") != null
                ? new SettingsStore(Path.of(System.getProperty("deemwb.settings"))) : SettingsStore.inUserConfig();
        settings = store.load();
        Path bundle = locate("deemwb.bundle", "assets/models/mini-deem");
        worker = InferenceWorker.start(bundle);
        model = new CompareViewModel(worker, Platform::runLater, imageLoader);
        probes = new ProbesViewModel(worker, Platform::runLater, bundle, System.getProperty("deemwb.data") != null
                ? Path.of(System.getProperty("deemwb.data")) : AppDirs.data());

        compareView = new CompareView(model, model::ask);
        ListView<Path> gallery = gallery(locate("deemwb.samples", "sample-images"));
        SplitPane split = new SplitPane(gallery, compareView);
        split.setDividerPositions(0.16);
        compareTab = new Tab("Compare", split);
        compareTab.setId("compareTab");
        Tab probesTab = new Tab("Probes", new ProbesView(probes));
        probesTab.setId("probesTab");
        tabs = new TabPane(compareTab, probesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        probes.setOnOpen(request -> {
            tabs.getSelectionModel().select(compareTab);
            model.load(request.image(), () -> {
                model.questionProperty().set(request.question());
                model.ask();
            });
        });
        root = new BorderPane(tabs);
        root.setTop(menus());
        root.setBottom(statusBar());
        acceptDroppedFiles(root);

        scene = new Scene(root, settings.windowWidth, settings.windowHeight);
        scene.getStylesheets().add(stylesheet("workbench.css"));
        applyTheme();
        applyZoom();
        stage.setTitle("DEEM Workbench");
        stage.setScene(scene);
        if (!Double.isNaN(settings.windowX)) {
            stage.setX(settings.windowX);
            stage.setY(settings.windowY);
        }
        stage.setOnCloseRequest(e -> saveSettings());
        // "?" lists the shortcuts too, unless it is being typed into the question.
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                showShortcuts();
                e.consume();
            }
        });
        stage.show();
    }

    @Override
    public void stop() {
        imageLoader.shutdownNow();
        if (worker != null) {
            worker.close();
        }
    }

    /** A folder from its system property, else the first of {@code relative} and {@code ../relative} that exists. */
    private static Path locate(String property, String relative) {
        String chosen = System.getProperty(property);
        if (chosen != null) {
            return Path.of(chosen);
        }
        Path here = Path.of(relative);
        Path parent = Path.of("..").resolve(relative);
        return Files.isDirectory(here) || !Files.isDirectory(parent) ? here : parent;
    }

    private ListView<Path> gallery(Path folder) {
        ListView<Path> list = new ListView<>();
        list.setId("gallery");
        try (Stream<Path> files = Files.list(folder)) {
            list.getItems().setAll(files.filter(f -> f.toString().endsWith(".png")).sorted().toList());
        } catch (IOException e) {
            model.errorProperty().set("The sample gallery " + folder + " is unreadable: " + e.getMessage());
        }
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                String name = item.getFileName().toString();
                setText(name.substring(0, name.length() - 4));
                ImageView thumbnail = new ImageView(new Image(item.toUri().toString(), 48, 48, true, true, true));
                setGraphic(thumbnail);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, file) -> {
            if (file != null) {
                open(file);
            }
        });
        return list;
    }

    private MenuBar menus() {
        Menu file = new Menu("File", null,
                item(KeyBinding.OPEN, this::chooseFile),
                item(KeyBinding.PASTE, this::paste),
                item(KeyBinding.RANDOM_SCENE, this::randomScene),
                recentFiles(),
                item(KeyBinding.EXPORT, this::export));
        Menu models = new Menu("Models", null,
                item(KeyBinding.ASK, model::ask),
                item(KeyBinding.RECONSTRUCT, model::reconstruct),
                item(KeyBinding.CANCEL, model::cancelRunning));
        Menu view = new Menu("View", null,
                item(KeyBinding.TOGGLE_THEME, () -> {
                    settings.theme = settings.theme.equals("dark") ? "light" : "dark";
                    applyTheme();
                    saveSettings();
                }),
                item(KeyBinding.ZOOM_IN, () -> zoom(1.1)),
                item(KeyBinding.ZOOM_OUT, () -> zoom(1 / 1.1)),
                item(KeyBinding.PRESENTATION, this::togglePresentation));
        Menu help = new Menu("Help", null, item(KeyBinding.SHORTCUTS, this::showShortcuts));
        // Enter in the question field asks already; as a menu accelerator it would fire twice.
        models.getItems().get(0).setAccelerator(null);
        MenuBar bar = new MenuBar(file, models, view, help);
        bar.setId("menus");
        return bar;
    }

    private Menu recentFiles() {
        Menu recent = new Menu("Recent files");
        recent.setOnShowing(e -> recent.getItems().setAll(settings.recentFiles.stream().map(path -> {
            MenuItem item = new MenuItem(path);
            item.setOnAction(a -> open(Path.of(path)));
            return item;
        }).toList()));
        recent.getItems().add(new MenuItem("(none)"));
        return recent;
    }

    private static MenuItem item(KeyBinding binding, Runnable action) {
        MenuItem item = new MenuItem(binding.description());
        item.setAccelerator(binding.combination());
        item.setOnAction(e -> action.run());
        return item;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status");
        bar.textProperty().bind(model.statusProperty());
        model.busyProperty().addListener((obs, old, busy) -> bar.setProgress(busy ? -1 : 0));
        bar.setProgress(-1);
        return bar;
    }

    private void acceptDroppedFiles(BorderPane target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            List<java.io.File> files = e.getDragboard().getFiles();
            if (files != null && !files.isEmpty()) {
                open(files.get(0).toPath());
            }
            e.setDropCompleted(files != null && !files.isEmpty());
            e.consume();
        });
    }

    /** Loads an image file in the background; a bad one shows its reason and leaves the current image in place. */
    public void open(Path file) {
        model.load(() -> sources.fromFile(file), () -> {
            settings.rememberFile(file.toAbsolutePath().toString());
            saveSettings();
        });
    }

    /** Draws a random scene in the background. */
    private void randomScene() {
        long seed = seeds.nextLong(1_000_000);
        model.load(() -> sources.randomScene(seed), () -> { });
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an image");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                "*.gif", "*.bmp"));
        java.io.File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    private void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles() && !clipboard.getFiles().isEmpty()) {
            open(clipboard.getFiles().get(0).toPath());
        } else if (clipboard.hasImage()) {
            Image pasted = clipboard.getImage();
            model.load(() -> LoadedImage.of(SwingFXUtils.fromFXImage(pasted, null), "pasted image",
                    java.util.Optional.empty(), java.util.Optional.empty(), List.of()), () -> { });
        } else {
            model.errorProperty().set("The clipboard holds no image.");
        }
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the comparison");
        chooser.setInitialFileName("comparison.png");
        java.io.File chosen = chooser.showSaveDialog(stage);
        if (chosen == null) {
            return;
        }
        exportComparison(chosen.toPath());
    }

    /**
     * Writes the compare screen (image, question, both answers, both reconstructions) as one PNG,
     * atomically; a failure shows its reason.
     */
    void exportComparison(Path file) {
        tabs.getSelectionModel().select(compareTab);
        // The snapshot must be taken here, on the FX thread; encoding and writing it need not be.
        var snapshot = SwingFXUtils.fromFXImage(compareView.snapshot(null, null), null);
        imageLoader.execute(() -> {
            try {
                AtomicFiles.write(file, Png.encode(snapshot));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> model.errorProperty().set("Export failed: " + file + ": " + e.getMessage()));
            }
        });
    }

    private void applyTheme() {
        scene.getStylesheets().removeIf(s -> s.endsWith("light.css") || s.endsWith("dark.css"));
        scene.getStylesheets().add(stylesheet(settings.theme.equals("dark") ? "dark.css" : "light.css"));
    }

    private void zoom(double factor) {
        settings.zoom = Math.max(0.6, Math.min(3.0, settings.zoom * factor));
        applyZoom();
        saveSettings();
    }

    private void applyZoom() {
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * settings.zoom));
    }

    private void togglePresentation() {
        boolean presenting = !root.getStyleClass().contains("presentation");
        if (presenting) {
            root.getStyleClass().add("presentation");
        } else {
            root.getStyleClass().remove("presentation");
        }
        root.getTop().setVisible(!presenting);
        root.getTop().setManaged(!presenting);
        root.getBottom().setVisible(!presenting);
        root.getBottom().setManaged(!presenting);
        stage.setFullScreen(presenting);
    }

    private void showShortcuts() {
        StringBuilder text = new StringBuilder();
        for (KeyBinding binding : KeyBinding.values()) {
            text.append(String.format(Locale.ROOT, "%-24s %s%n", binding.combination().getDisplayText(),
                    binding.description()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text.toString());
        alert.setHeaderText("Keyboard shortcuts");
        alert.initOwner(stage);
        alert.show();
    }

    private void saveSettings() {
        if (stage.isFullScreen()) {
            return; // full-screen geometry is not the window the user wants back next time
        }
        settings.windowX = stage.getX();
        settings.windowY = stage.getY();
        settings.windowWidth = stage.getWidth();
        settings.windowHeight = stage.getHeight();
        try {
            store.save(settings);
        } catch (IOException e) {
            System.getLogger(WorkbenchApp.class.getName()).log(System.Logger.Level.WARNING,
                    "could not save the settings", e);
        }
    }

    private static String stylesheet(String name) {
        return WorkbenchApp.class.getResource(name).toExternalForm();
    }

    /** For tests: the compare screen's view-model. */
    CompareViewModel model() {
        return model;
    }

    /** For tests: the probes screen's view-model. */
    ProbesViewModel probes() {
        return probes;
    }
}
