package dev.deemwb.app.curate;

import dev.deemwb.curate.CurationExport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Where and how to export: the format, the folder (typed, so the keyboard suffices) and what becomes of the images. */
public final class ExportDialog extends Dialog<ExportDialog.Choice> {

    public record Choice(CurationExport.Format format, Path folder, CurationExport.Images images) {
    }

    public ExportDialog(Window owner, Path suggestedFolder) {
        initOwner(owner);
        setTitle("Export the accepted items");
        ChoiceBox<CurationExport.Format> format = choice(CurationExport.Format.values());
        format.setId("exportFormat");
        ChoiceBox<CurationExport.Images> images = choice(CurationExport.Images.values());
        images.setId("exportImages");
        TextField folder = new TextField(suggestedFolder.toString());
        folder.setId("exportFolder");
        folder.setPrefColumnCount(36);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("Folder"), folder);
        grid.addRow(2, new Label("Images"), images);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(folder.textProperty().isEmpty());
        setResultConverter(button -> button == ButtonType.OK
                ? new Choice(format.getValue(), Path.of(folder.getText().strip()), images.getValue()) : null);
        setOnShown(e -> Platform.runLater(folder::requestFocus)); // once the dialog's window has the focus
    }

    private static <E extends Enum<E>> ChoiceBox<E> choice(E[] values) {
        ChoiceBox<E> box = new ChoiceBox<>(FXCollections.observableArrayList(values));
        box.setValue(values[0]);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public E fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        return box;
    }

    public Optional<Choice> ask() {
        return showAndWait();
    }
}
