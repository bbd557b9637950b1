package dev.deemwb.app;

import dev.deemwb.app.compare.CompareViewModel;
import dev.deemwb.app.compare.Slides;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.Png;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Writes what is shown as a slide (see {@link Slides}): the Pair tab's pair when it is showing, else the
 * comparison; a PNG at 1× or, for projectors and high-DPI screens, 2×, in the theme on screen.
 */
final class ComparisonExport {

    private static final FileChooser.ExtensionFilter TWICE = new FileChooser.ExtensionFilter(
            "PNG slide at 2× (2560 px wide: projectors, high-DPI screens)", "*.png");
    private static final FileChooser.ExtensionFilter ONCE = new FileChooser.ExtensionFilter(
            "PNG slide at 1× (1280 px wide)", "*.png");

    private final CompareViewModel model;
    private final Supplier<Region> slide;
    private final Supplier<List<String>> stylesheets;
    private final Executor background;
    /** Where the last export went, so the next one starts there; at first the user's home. */
    private Path folder = Path.of(System.getProperty("user.home"));

    /**
     * @param slide       builds the slide of what is shown (on the FX thread)
     * @param stylesheets the window's, so the slide is drawn in the theme on screen
     */
    ComparisonExport(CompareViewModel model, Supplier<Region> slide, Supplier<List<String>> stylesheets,
                     Executor background) {
        this.model = model;
        this.slide = slide;
        this.stylesheets = stylesheets;
        this.background = background;
    }

    void choose(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export as a slide");
        chooser.setInitialFileName("comparison.png");
        if (Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.getExtensionFilters().setAll(TWICE, ONCE);
        chooser.setSelectedExtensionFilter(TWICE);
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            export(chosen.toPath(), chooser.getSelectedExtensionFilter() == ONCE ? 1 : 2);
        }
    }

    /** Writes the PNG atomically, from whichever tab is showing; a failure shows its reason. */
    void export(Path file, double scale) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            folder = parent;
        }
        // The slide is laid out and drawn here, on the FX thread; encoding and writing it need not be.
        BufferedImage picture = Slides.render(slide, stylesheets.get(), scale);
        background.execute(() -> {
            try {
                AtomicFiles.write(file, Png.encode(picture));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> model.errorProperty().set("Export failed: " + file + ": " + e.getMessage()));
            }
        });
    }
}
