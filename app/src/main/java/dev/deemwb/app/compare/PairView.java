package dev.deemwb.app.compare;

import dev.deemwb.app.images.FxImages;
import dev.deemwb.app.widgets.ErrorBanner;
import dev.deemwb.bench.mmvp.MmvpPattern;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The pair view: two images that differ in one attribute, one question, and each model's answer on
 * each image, with a line per model saying whether it told them apart.
 */
public final class PairView extends VBox {

    private static final double IMAGE_SIZE = 256;

    public PairView(PairViewModel model, Path gallery) {
        super(12);
        setPadding(new Insets(12));
        getStyleClass().add("pair");
        Label explained = new Label("Two images that differ in one attribute, asked the same question. A model that "
                + "gives both the same answer cannot see the difference: the picture of CLIP-blindness.");
        explained.setWrapText(true);
        explained.getStyleClass().add("caption");
        ErrorBanner error = new ErrorBanner(model.errorProperty(), () -> model.errorProperty().set(""), "pairError",
                "dismissPairError");
        getChildren().addAll(explained, sources(model, gallery), questionBar(model), error, grid(model));
    }

    private static FlowPane sources(PairViewModel model, Path gallery) {
        ComboBox<MmvpPattern> pattern = new ComboBox<>();
        pattern.setId("pairPattern");
        pattern.getItems().setAll(PairViewModel.PATTERNS);
        pattern.getSelectionModel().selectFirst();
        pattern.setConverter(new StringConverter<>() {
            @Override
            public String toString(MmvpPattern p) {
                return p == null ? "" : PairViewModel.word(p);
            }

            @Override
            public MmvpPattern fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        Button make = new Button("Make pair");
        make.setId("makePair");
        make.setTooltip(new Tooltip("Change one attribute of the compare screen's image (or of a random scene) "
                + "and ask both models about the two"));
        make.setOnAction(e -> model.make(pattern.getValue()));

        ComboBox<List<Path>> fromGallery = new ComboBox<>();
        fromGallery.setId("galleryPairs");
        fromGallery.setPromptText("a gallery pair");
        fromGallery.getItems().setAll(PairViewModel.galleryPairs(gallery));
        fromGallery.setCellFactory(list -> new PairCell());
        fromGallery.setButtonCell(new PairCell());
        fromGallery.setOnAction(e -> {
            List<Path> pair = fromGallery.getValue();
            if (pair != null) {
                model.open(pair.get(0), pair.get(1));
            }
        });
        FlowPane row = new FlowPane(8, 6, new Label("change the"), pattern, new Label("of the image shown:"), make,
                new Label("or open"), fromGallery);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A gallery pair by its name: {@code pair-color-a.png} shows as "color". */
    private static final class PairCell extends ListCell<List<Path>> {
        @Override
        protected void updateItem(List<Path> pair, boolean empty) {
            super.updateItem(pair, empty);
            setText(empty || pair == null ? null : pair.get(0).getFileName().toString()
                    .replaceFirst("^pair-", "").replaceFirst("-a\\.png$", ""));
        }
    }

    private static HBox questionBar(PairViewModel model) {
        TextField question = new TextField();
        question.setId("pairQuestion");
        question.setPromptText("The question asked about both images");
        question.textProperty().bindBidirectional(model.questionProperty());
        question.setOnAction(e -> model.ask());
        HBox.setHgrow(question, Priority.ALWAYS);
        Button ask = new Button("Ask both");
        ask.setId("askPair");
        ask.setOnAction(e -> model.ask());
        ask.disableProperty().bind(model.busyProperty());
        return new HBox(8, question, ask);
    }

    /** Images across, one row per model: its answer under each image, then whether it told them apart. */
    private static GridPane grid(PairViewModel model) {
        GridPane grid = new GridPane();
        grid.setId("pairGrid");
        grid.setHgap(16);
        grid.setVgap(8);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(120);
        ColumnConstraints images = new ColumnConstraints(IMAGE_SIZE + 16);
        grid.getColumnConstraints().setAll(names, images, new ColumnConstraints(IMAGE_SIZE + 16));
        Label label = new Label();
        label.setId("pairLabel");
        label.setWrapText(true);
        label.textProperty().bind(model.labelProperty());
        grid.add(label, 0, 0);
        for (PairViewModel.Slot slot : PairViewModel.Slot.values()) {
            int column = slot.ordinal() + 1;
            ImageView picture = new ImageView();
            picture.setId("pair" + (slot == PairViewModel.Slot.FIRST ? "First" : "Second") + "Image");
            picture.setFitWidth(IMAGE_SIZE);
            picture.setFitHeight(IMAGE_SIZE);
            picture.setPreserveRatio(true);
            model.imageProperty(slot).addListener((obs, old, loaded) ->
                    picture.setImage(loaded == null ? null : FxImages.toFx(loaded.display())));
            Label caption = new Label(slot == PairViewModel.Slot.FIRST ? "A" : "B");
            caption.getStyleClass().add("card-title");
            grid.add(new VBox(4, caption, picture), column, 0);
        }
        int row = 1;
        for (Side side : Side.values()) {
            PairViewModel.Row answers = model.row(side);
            Label title = new Label();
            title.setId(side.id() + "PairTitle");
            title.getStyleClass().add("card-title");
            title.setWrapText(true);
            title.textProperty().bind(answers.titleProperty());
            grid.add(title, 0, row);
            for (PairViewModel.Slot slot : PairViewModel.Slot.values()) {
                String id = side.id() + (slot == PairViewModel.Slot.FIRST ? "First" : "Second");
                Label answer = new Label();
                answer.setId(id + "PairAnswer");
                answer.getStyleClass().add("answer");
                answer.setWrapText(true);
                answer.textProperty().bind(answers.answerProperty(slot));
                Label verdict = SidePanels.verdictBand(answers.verdictProperty(slot).get());
                verdict.setId(id + "PairVerdict");
                answers.verdictProperty(slot).addListener((obs, old, now) -> SidePanels.showVerdict(verdict, now));
                grid.add(new VBox(4, answer, verdict), slot.ordinal() + 1, row);
            }
            Label summary = new Label();
            summary.setId(side.id() + "PairSummary");
            summary.setWrapText(true);
            summary.textProperty().bind(Bindings.concat(answers.titleProperty(), ": ", answers.summaryProperty()));
            summary.visibleProperty().bind(answers.summaryProperty().isNotEmpty());
            grid.add(summary, 1, row + 1, 2, 1);
            row += 2;
        }
        return grid;
    }
}
