package dev.deemwb.app;

import dev.deemwb.app.compare.CompareViewModel;
import dev.deemwb.app.images.FxImages;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.Png;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Writes the compare screen (image, question, both answers, both reconstructions) as one PNG. */
final class ComparisonExport {

    private final Node compareScreen;
    private final Runnable showCompareScreen;
    private final CompareViewModel model;
    private final Executor background;

    ComparisonExport(Node compareScreen, Runnable showCompareScreen, CompareViewModel model, Executor background) {
        this.compareScreen = compareScreen;
        this.showCompareScreen = showCompareScreen;
        this.model = model;
        this.background = background;
    }

    void choose(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the comparison");
        chooser.setInitialFileName("comparison.png");
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            export(chosen.toPath());
        }
    }

    /** Writes the PNG atomically, from whichever tab is showing; a failure shows its reason. */
    void export(Path file) {
        showCompareScreen.run();
        // The snapshot must be taken here, on the FX thread; encoding and writing it need not be.
        var snapshot = FxImages.snapshot(compareScreen);
        background.execute(() -> {
            try {
                AtomicFiles.write(file, Png.encode(snapshot));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> model.errorProperty().set("Export failed: " + file + ": " + e.getMessage()));
            }
        });
    }
}
