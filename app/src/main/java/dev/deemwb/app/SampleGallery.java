package dev.deemwb.app;

import dev.deemwb.app.compare.ImageSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/** The curated sample images, with thumbnails; picking one opens it. */
final class SampleGallery extends ListView<Path> {

    private static final int THUMBNAIL = 48;

    /** Each picture's caption line, read from its sidecar once, not on every cell update. */
    private final Map<Path, String> hitRates = new HashMap<>();

    /**
     * @param shown        the file on the compare screen (null for an image from elsewhere): the gallery
     *                     highlights it when it is one of its pictures, and nothing otherwise
     * @param onUnreadable told the reason when the folder cannot be listed (the gallery stays empty)
     */
    SampleGallery(Path folder, Consumer<Path> open, ObservableValue<Path> shown, Consumer<String> onUnreadable) {
        setId("gallery");
        try (Stream<Path> files = Files.list(folder)) {
            getItems().setAll(files.filter(f -> f.toString().endsWith(".png")).sorted().toList());
            getItems().forEach(file -> hitRates.put(file, ImageSources.sidecar(file).map(SampleCaptions::hitRate)
                    .orElse("")));
        } catch (IOException e) {
            onUnreadable.accept("The sample gallery " + folder + " is unreadable: " + e.getMessage());
        }
        setCellFactory(view -> new SampleCell());
        getSelectionModel().selectedItemProperty().addListener((obs, old, file) -> {
            if (file != null && !sameFile(file, shown.getValue())) {
                open.accept(file);
            }
        });
        shown.addListener((obs, old, file) -> getItems().stream().filter(item -> sameFile(item, file)).findFirst()
                // already shown: the listener above does not open it again
                .ifPresentOrElse(getSelectionModel()::select, getSelectionModel()::clearSelection));
    }

    /** The same file however it was named (the gallery's relative path, a file chooser's absolute one). */
    private static boolean sameFile(Path a, Path b) {
        return b != null && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private final class SampleCell extends ListCell<Path> {
        SampleCell() {
            setWrapText(true);
            setPrefWidth(0); // as wide as the list, so a long hit-rate line wraps instead of running off
        }

        @Override
        protected void updateItem(Path item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String name = item.getFileName().toString();
            String stem = name.substring(0, name.length() - ".png".length());
            String hitRate = hitRates.getOrDefault(item, "");
            setText(hitRate.isEmpty() ? stem : stem + "\n" + hitRate);
            setTooltip(hitRate.isEmpty() ? null : new Tooltip("How often over fresh scenes, not only on this picture, "
                    + "one model is right where the other is wrong: " + hitRate));
            setGraphic(new ImageView(new Image(item.toUri().toString(), THUMBNAIL, THUMBNAIL, true, true, true)));
        }
    }
}
