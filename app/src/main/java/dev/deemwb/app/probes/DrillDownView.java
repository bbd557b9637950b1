package dev.deemwb.app.probes;

import dev.deemwb.eval.Outcome;
import dev.deemwb.eval.RunRecord;
import dev.deemwb.eval.Slices;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

/** The slice picker, the 2×2 table of baseline against DEEM, and the gallery of the chosen cell. */
final class DrillDownView extends VBox {

    private static final int THUMBNAIL = 72;
    private static final int THUMBNAILS_KEPT = 512;

    private final DrillDownViewModel model;
    /*
     * Thumbnails are decoded on the FX thread when a cell first shows them, then kept: ControlsFX's grid
     * rebuilds its cells on layout, and images loaded in the background (by JavaFX or by us) never
     * reached the cell on screen in our runs. A mini benchmark's image decodes in well under a
     * millisecond; a COCO photo takes a few, once.
     */
    private final Map<String, Image> thumbnails = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > THUMBNAILS_KEPT;
        }
    };

    DrillDownView(DrillDownViewModel model) {
        super(8);
        this.model = model;
        ComboBox<Slices.Slice> slice = new ComboBox<>(model.slices());
        slice.setId("slice");
        slice.valueProperty().bindBidirectional(model.sliceProperty());
        CheckBox pairs = new CheckBox("count MMVP pairs (both questions right)");
        pairs.setId("pairs");
        pairs.selectedProperty().bindBidirectional(model.pairsProperty());
        pairs.visibleProperty().bind(model.pairsAvailableProperty());
        pairs.managedProperty().bind(pairs.visibleProperty());
        GridView<RunRecord> gallery = new GridView<>(model.gallery());
        gallery.setId("items");
        gallery.setCellWidth(170);
        gallery.setCellHeight(190);
        gallery.setCellFactory(grid -> new ItemCell());
        VBox.setVgrow(gallery, Priority.ALWAYS);
        Label hint = new Label("Click a cell for its items; click an item to ask it in the compare screen.");
        hint.getStyleClass().add("caption");
        Label sliceLabel = new Label("Slice");
        sliceLabel.setMinWidth(Region.USE_PREF_SIZE);
        pairs.setMinWidth(Region.USE_PREF_SIZE);
        // Wraps onto a second line in a narrow pane rather than cutting its words to "…".
        FlowPane picker = new FlowPane(8, 4, sliceLabel, slice, pairs);
        picker.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(picker, disagreementTable(), hint, gallery);
        setPadding(new Insets(0, 0, 0, 8));
    }

    /** One toggle per outcome, placed by which model was right; its text counts the cell's items. */
    private GridPane disagreementTable() {
        GridPane table = new GridPane();
        table.setId("disagreement");
        table.setHgap(6);
        table.setVgap(6);
        table.add(new Label(""), 0, 0);
        table.add(header(() -> model.pairNames().get(1) + " right"), 1, 0);
        table.add(header(() -> model.pairNames().get(1) + " wrong"), 2, 0);
        table.add(header(() -> model.pairNames().get(0) + " right"), 0, 1);
        table.add(header(() -> model.pairNames().get(0) + " wrong"), 0, 2);
        ToggleGroup cells = new ToggleGroup();
        for (Outcome outcome : Outcome.values()) {
            ToggleButton cell = new ToggleButton();
            cell.setId("cell-" + outcome.name().toLowerCase(Locale.ROOT));
            cell.setToggleGroup(cells);
            cell.setUserData(outcome);
            cell.setMaxWidth(Double.MAX_VALUE);
            cell.setMinHeight(Region.USE_PREF_SIZE); // the count's line must not be squeezed out by the gallery
            cell.setTooltip(new Tooltip(outcome.label() + ": show these items"));
            cell.textProperty().bind(Bindings.createStringBinding(
                    () -> model.label(outcome) + "\n" + model.cellsProperty().get().get(outcome).size(),
                    model.cellsProperty()));
            boolean baselineRight = outcome == Outcome.BOTH_RIGHT || outcome == Outcome.ONLY_BASELINE_RIGHT;
            boolean deemRight = outcome == Outcome.BOTH_RIGHT || outcome == Outcome.ONLY_DEEM_RIGHT;
            table.add(cell, deemRight ? 1 : 2, baselineRight ? 1 : 2);
        }
        cells.selectedToggleProperty().addListener((obs, old, toggle) ->
                model.outcomeProperty().set(toggle == null ? null : (Outcome) toggle.getUserData()));
        return table;
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
            Path image = model.imageOf(record);
            thumbnail.setImage(thumbnails.computeIfAbsent(image.toUri().toString(),
                    uri -> new Image(uri, THUMBNAIL, THUMBNAIL, true, true, false)));
            Map<String, RunRecord.ModelAnswer> answers = new LinkedHashMap<>(record.answers());
            answers.putAll(model.importedAnswers(record));
            StringBuilder line = new StringBuilder(record.id() + " · " + record.question());
            StringBuilder details = new StringBuilder(record.question() + "\nexpected: " + record.expected());
            answers.forEach((name, answer) -> {
                // As the benchmark's rule read it, marked in words; then as given, when that differs.
                line.append("\n").append(name).append(": ").append(answer.parsed())
                        .append(answer.correct() ? " · right" : " · wrong");
                if (!answer.answer().strip().equalsIgnoreCase(answer.parsed())) {
                    line.append(" (said \"").append(answer.answer().strip()).append("\")");
                }
                details.append("\n").append(name).append(": ").append(answer.answer());
                if (answer.asked() != null) {
                    details.append("  (asked: ").append(answer.asked().replace('\n', ' ')).append(")");
                }
            });
            text.setText(line.toString());
            setTooltip(new Tooltip(details.toString()));
            // An MMVP item opens with its partner in the pair view: the same question on both images.
            setContextMenu(model.partnerOf(record).map(partner -> {
                MenuItem pair = new MenuItem("Open the pair (items " + record.id() + " and " + partner.id()
                        + ") in the Pair tab");
                pair.setOnAction(e -> model.openPair(record));
                return new ContextMenu(pair);
            }).orElse(null));
        }
    }

    /** A row or column heading naming one of the compared pair, following the report shown. */
    private Label header(java.util.concurrent.Callable<String> text) {
        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(text, model.reportProperty()));
        return label;
    }
}
