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
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

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

    /** A sample: its thumbnail, its name whole, and its hit-rate line wrapped to the gallery's width. */
    private final class SampleCell extends ListCell<Path> {
        private final ImageView thumbnail = new ImageView();
        private final Label name = new Label();
        private final Label hitRate = new Label();
        private final HBox box;

        SampleCell() {
            setPrefWidth(0); // as wide as the list, never wider: the hit-rate line wraps instead of running off
            hitRate.setWrapText(true);
            hitRate.managedProperty().bind(hitRate.textProperty().isNotEmpty());
            VBox text = new VBox(name, hitRate);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            box = new HBox(6, thumbnail, text);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Path item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String file = item.getFileName().toString();
            name.setText(file.substring(0, file.length() - ".png".length()));
            String rate = hitRates.getOrDefault(item, "");
            hitRate.setText(rate);
            // The name whole (a narrow gallery cuts it), and what the hit rate means.
            setTooltip(new Tooltip(rate.isEmpty() ? name.getText() : name.getText() + "\nHow often over fresh scenes, "
                    + "not only on this picture, one model is right where the other is wrong: " + rate));
            thumbnail.setImage(new Image(item.toUri().toString(), THUMBNAIL, THUMBNAIL, true, true, true));
            setGraphic(box);
        }
    }
}
