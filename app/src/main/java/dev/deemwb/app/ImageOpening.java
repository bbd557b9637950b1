package dev.deemwb.app;

import dev.deemwb.app.compare.CompareViewModel;
import dev.deemwb.app.compare.ImageSources;
import dev.deemwb.app.images.FxImages;
import dev.deemwb.app.settings.Settings;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Every way an image reaches the compare screen: a file (chosen, dropped, pasted or recent), a pasted
 * picture, a random scene. Decoding runs in the background ({@link CompareViewModel#load}); a bad file
 * shows its reason and leaves the current image in place.
 */
final class ImageOpening {

    private final CompareViewModel model;
    private final ImageSources sources;
    private final ObjectProperty<Settings> settings;
    private final SplittableRandom seeds = new SplittableRandom();
    private final ObjectProperty<Path> shownFile = new SimpleObjectProperty<>();

    ImageOpening(CompareViewModel model, ImageSources sources, ObjectProperty<Settings> settings) {
        this.model = model;
        this.sources = sources;
        this.settings = settings;
        // Any image shown clears it; a file opened here sets it again once it shows (just after).
        model.imageProperty().addListener((obs, old, now) -> shownFile.set(null));
    }

    /** Opens {@code file}; once it shows, it heads the recent files. */
    void open(Path file) {
        model.load(() -> sources.fromFile(file), () -> {
            shownFile.set(file);
            settings.set(settings.get().withRecentFile(file.toAbsolutePath().toString()));
        });
    }

    /**
     * The file on the compare screen, as it was opened; null while the image shown came from
     * elsewhere (a random scene, a pasted picture, a probes item).
     */
    ReadOnlyObjectProperty<Path> shownFile() {
        return shownFile;
    }

    void randomScene() {
        long seed = seeds.nextLong(1_000_000);
        model.load(() -> sources.randomScene(seed), () -> { });
    }

    void choose(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an image");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                "*.gif", "*.bmp"));
        File chosen = chooser.showOpenDialog(owner);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    /** A copied file opens as a file (with its scene sidecar); a copied picture as a photo. */
    void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles() && !clipboard.getFiles().isEmpty()) {
            open(clipboard.getFiles().get(0).toPath());
        } else if (clipboard.hasImage()) {
            Image pasted = clipboard.getImage();
            model.load(() -> sources.photo(FxImages.fromFx(pasted), "pasted image"), () -> { });
        } else {
            model.errorProperty().set("The clipboard holds no image.");
        }
    }

    /** Files dropped anywhere on {@code target} open (the first of them); other drags are refused. */
    void acceptDrops(Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean any = files != null && !files.isEmpty();
            if (any) {
                open(files.get(0).toPath());
            }
            e.setDropCompleted(any);
            e.consume();
        });
    }
}
