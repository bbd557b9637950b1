package dev.deemwb.app;

import dev.deemwb.app.compare.CompareView;
import dev.deemwb.app.compare.CompareViewModel;
import dev.deemwb.app.compare.ComparisonSlide;
import dev.deemwb.app.compare.ImageSources;
import dev.deemwb.app.compare.LoadedImage;
import dev.deemwb.app.compare.PairSlide;
import dev.deemwb.app.compare.PairView;
import dev.deemwb.app.compare.PairViewModel;
import dev.deemwb.app.compare.Side;
import dev.deemwb.app.contenders.ContenderRoster;
import dev.deemwb.app.curate.CurateView;
import dev.deemwb.app.curate.CurateViewModel;
import dev.deemwb.app.curate.CurationKeymap;
import dev.deemwb.app.curate.ExportDialog;
import dev.deemwb.app.curate.ShortcutsDialog;
import dev.deemwb.app.contenders.EndpointDialog;
import dev.deemwb.app.contenders.EndpointsViewModel;
import dev.deemwb.app.probes.ProbesView;
import dev.deemwb.app.probes.ProbesViewModel;
import dev.deemwb.app.settings.Settings;
import dev.deemwb.app.settings.SettingsAutosave;
import dev.deemwb.app.settings.SettingsStore;
import dev.deemwb.bundle.BundleException;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.curate.ProjectFiles;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.io.AppDirs;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.numerics.SafeKernels;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * The workbench window: the sample gallery and the compare screen, the probes screen, the menus and a
 * status bar with the worker's progress and device. This class only wires the pieces together; models
 * load on the inference worker while the window is already up. The bundle and sample folders come from
 * the system properties {@code deemwb.bundle} and {@code deemwb.samples}, else from the repository's
 * folders; probe runs and generated benchmarks go to {@code deemwb.data}, else the user's data folder.
 */
public class WorkbenchApp extends Application {

    /** Decodes files, draws scenes and writes exports, so the FX thread only ever receives finished work. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "deemwb-image-loader");
        thread.setDaemon(true);
        return thread;
    });
    /** Connects to endpoints (lists their models), so a slow or dead server never holds up the window. */
    private final ExecutorService connector = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "deemwb-endpoint-connect");
        thread.setDaemon(true);
        return thread;
    });
    /** Opens curation projects, loads their images, exports: off the FX thread and out of the compare screen's way. */
    private final ExecutorService curation = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "deemwb-curation");
        thread.setDaemon(true);
        return thread;
    });
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>();
    private ContenderRoster roster;
    private SettingsAutosave autosave;
    private InferenceWorker worker;
    private CompareViewModel model;
    private PairViewModel pair;
    private ProbesViewModel probes;
    private ImageOpening opening;
    private ComparisonExport export;
    private CurateViewModel curate;
    /** The Curate tab's keys, wherever the focus is while the tab is shown. */
    private EventHandler<KeyEvent> curateKeys;

    public static void main(String[] args) {
        SafeKernels.relaunchIfNeeded(System.err);
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        SettingsStore store = SettingsStore.forUser();
        settings.set(store.load());
        autosave = new SettingsAutosave(store);
        Path bundle = locate("deemwb.bundle", "assets/models/mini-deem");
        worker = InferenceWorker.start(bundle);
        roster = ContenderRoster.of(worker, Platform::runLater, connector, System.getenv());
        roster.setEndpoints(settings.get().endpoints());
        model = new CompareViewModel(roster, worker, Platform::runLater, background);
        probes = new ProbesViewModel(roster, worker, Platform::runLater, bundle, System.getProperty("deemwb.data") != null
                ? Path.of(System.getProperty("deemwb.data")) : AppDirs.data());
        ImageSources sources = new ImageSources(modelInputSize(bundle));
        opening = new ImageOpening(model, sources, settings);

        CompareView compareView = new CompareView(model, roster.names(), model::ask, () -> configureEndpoints(stage));
        Path samples = locate("deemwb.samples", "sample-images");
        SplitPane split = new SplitPane(new SampleGallery(samples, opening::open, opening.shownFile(),
                model.errorProperty()::set), compareView);
        split.setDividerPositions(0.2); // at the default 1280-px window, the longest sample names fit unbroken
        Tab compareTab = new Tab("Compare", split);
        compareTab.setId("compareTab");
        Tab probesTab = new Tab("Probes", new ProbesView(probes));
        probesTab.setId("probesTab");
        Tab curateTab = curateTab(stage, sources);
        pair = new PairViewModel(roster, Platform::runLater, background, sources,
                () -> Optional.ofNullable(model.imageProperty().get()).flatMap(LoadedImage::scene),
                Map.of(Side.LEFT, () -> model.card(Side.LEFT).contenderProperty().get(),
                        Side.RIGHT, () -> model.card(Side.RIGHT).contenderProperty().get()));
        Tab pairTab = new Tab("Pair", new ScrollPane(new PairView(pair, samples)));
        pairTab.setId("pairTab");
        TabPane tabs = new TabPane(compareTab, pairTab, probesTab, curateTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Runnable showCompareScreen = () -> tabs.getSelectionModel().select(compareTab);
        probes.results().setOnOpenPair(request -> {
            tabs.getSelectionModel().select(pairTab);
            pair.show(() -> request.first().read(sources.modelInputSize()),
                    () -> request.second().read(sources.modelInputSize()), request.question(), request.label());
        });
        probes.results().setOnOpen(request -> {
            showCompareScreen.run();
            model.load(() -> request.image().read(sources.modelInputSize()), () -> {
                model.questionProperty().set(request.question());
                model.ask();
            });
        });

        BorderPane root = new BorderPane(tabs);
        Scene scene = new Scene(root, settings.get().windowWidth(), settings.get().windowHeight());
        export = new ComparisonExport(model, () -> tabs.getSelectionModel().getSelectedItem() == pairTab
                ? PairSlide.of(pair) : ComparisonSlide.of(model), () -> List.copyOf(scene.getStylesheets()), background);
        Appearance appearance = new Appearance(settings, stage, scene, root);
        WorkbenchMenus menus = new WorkbenchMenus(stage);
        root.setTop(menus.bar(opening, export, model, appearance, settings));
        root.setBottom(statusBar());
        opening.acceptDrops(root);
        menus.listShortcutsOnQuestionMark(scene);
        menus.acceptAlternativeKeys(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, curateKeys);
        settings.addListener((obs, old, now) -> {
            autosave.save(now);
            if (!now.endpoints().equals(old.endpoints())) {
                roster.setEndpoints(now.endpoints());
            }
        });

        stage.setTitle("DEEM Workbench");
        stage.setScene(scene);
        if (!Double.isNaN(settings.get().windowX())) {
            stage.setX(settings.get().windowX());
            stage.setY(settings.get().windowY());
        }
        stage.setOnCloseRequest(e -> rememberWindow(stage));
        stage.show();
    }

    /** The Curate tab; it opens the most recent project the first time it is shown (continue where you left off). */
    private Tab curateTab(Stage stage, ImageSources sources) {
        curate = new CurateViewModel(roster, sources, Platform::runLater, curation, Clock.systemUTC(),
                System.getProperty("user.name", "annotator"),
                file -> settings.set(settings.get().withRecentProject(file.toAbsolutePath().toString())));
        CurationKeymap.Loaded keys = CurationKeymap.fromSettings(settings.get().curationKeys());
        ObjectProperty<CurationKeymap> keymap = new SimpleObjectProperty<>(keys.keymap());
        if (!keys.problems().isEmpty()) {
            curate.errorProperty().set(String.join("; ", keys.problems()));
        }
        keymap.addListener((obs, old, now) -> settings.set(settings.get().withCurationKeys(now.toSettings())));
        CurateView view = new CurateView(curate, roster.names(), keymap, new CurateView.Actions() {
            @Override
            public void createProject() {
                DirectoryChooser images = new DirectoryChooser();
                images.setTitle("The folder of images to curate");
                File folder = images.showDialog(stage);
                if (folder == null) {
                    return;
                }
                FileChooser project = new FileChooser();
                project.setTitle("Save the new project as");
                project.setInitialDirectory(folder.getParentFile());
                project.setInitialFileName(folder.getName() + ProjectFiles.SUFFIX);
                File file = project.showSaveDialog(stage);
                if (file != null) {
                    curate.create(folder.toPath(), file.toPath());
                }
            }

            @Override
            public void openProject() {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Open a curation project");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Curation projects",
                        "*" + ProjectFiles.SUFFIX));
                File file = chooser.showOpenDialog(stage);
                if (file != null) {
                    curate.open(file.toPath());
                }
            }

            @Override
            public void openProject(Path file) {
                curate.open(file);
            }

            @Override
            public List<String> recentProjects() {
                return settings.get().recentProjects();
            }

            @Override
            public void export() {
                Path project = curate.projectFileProperty().get();
                new ExportDialog(stage, project.resolveSibling(project.getFileName().toString()
                        .replace(ProjectFiles.SUFFIX, "") + "-export")).ask()
                        .ifPresent(choice -> curate.export(choice.format(), choice.folder(), choice.images()));
            }

            @Override
            public void editShortcuts() {
                new ShortcutsDialog(stage, keymap.get()).ask().ifPresent(keymap::set);
            }
        });
        Tab tab = new Tab("Curate", view);
        tab.setId("curateTab");
        curateKeys = event -> {
            if (tab.isSelected()) {
                view.handle(event);
            }
        };
        tab.selectedProperty().addListener((obs, was, selected) -> {
            List<String> recent = settings.get().recentProjects();
            if (selected && curate.projectFileProperty().get() == null && !recent.isEmpty()) {
                curate.open(Path.of(recent.get(0)));
            }
        });
        return tab;
    }

    @Override
    public void stop() {
        if (curate != null) {
            curate.close();
        }
        background.shutdownNow();
        curation.shutdownNow();
        connector.shutdownNow();
        if (probes != null) {
            probes.close();
        }
        if (roster != null) {
            roster.close();
        }
        if (autosave != null) {
            autosave.close();
        }
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

    /**
     * The models' input size, from the bundle's manifest, read now because images are prepared before the
     * models have loaded. A bundle that cannot be read fails to load on the worker, which says why.
     */
    private static int modelInputSize(Path bundle) {
        try {
            return Bundles.readManifest(bundle).architecture().imageSize();
        } catch (BundleException e) {
            return ModelConfig.standard().imageSize();
        }
    }

    /** The worker's state: a probe run's progress while one runs (it holds the worker), else the compare screen's. */
    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status");
        bar.textProperty().bind(Bindings.when(probes.runningProperty())
                .then(Bindings.concat("probe run: ", probes.progressTextProperty()))
                .otherwise(Bindings.when(pair.busyProperty())
                        .then("pair: asking both models about both images…")
                        .otherwise(model.statusProperty())));
        Runnable showBusy = () -> bar.setProgress(model.busyProperty().get() || probes.runningProperty().get()
                || pair.busyProperty().get() ? -1 : 0);
        model.busyProperty().addListener((obs, old, busy) -> showBusy.run());
        probes.runningProperty().addListener((obs, old, running) -> showBusy.run());
        pair.busyProperty().addListener((obs, old, busy) -> showBusy.run());
        bar.setProgress(-1);
        return bar;
    }

    private void rememberWindow(Stage stage) {
        if (!stage.isFullScreen()) { // full-screen geometry is not the window the user wants back next time
            settings.set(settings.get().withWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        }
    }

    /** The endpoint dialog; OK saves the endpoints (without keys) into the settings. */
    void configureEndpoints(Stage stage) {
        EndpointsViewModel endpoints = new EndpointsViewModel(settings.get().endpoints(), Platform::runLater, connector,
                System.getenv());
        new EndpointDialog(stage, endpoints, list -> settings.set(settings.get().withEndpoints(list))).show();
    }

    /** Opens an image file in the background, as the gallery, the menus and a drop do. */
    public void open(Path file) {
        opening.open(file);
    }

    /** Writes what is shown (the pair on the Pair tab, else the comparison) as a slide PNG at {@code scale}, atomically. */
    void exportComparison(Path file, double scale) {
        export.export(file, scale);
    }

    /** For tests: the compare screen's view-model. */
    CompareViewModel model() {
        return model;
    }

    /** For tests: the pair view's view-model. */
    PairViewModel pair() {
        return pair;
    }

    /** For tests: the Curate screen's view-model. */
    CurateViewModel curate() {
        return curate;
    }

    /** For tests: the probes screen's view-model. */
    ProbesViewModel probes() {
        return probes;
    }
}
