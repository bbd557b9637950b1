package dev.deemwb.app.compare;

import dev.deemwb.app.images.FxImages;
import dev.deemwb.app.widgets.ErrorBanner;
import dev.deemwb.infer.ReconstructionDefaults;
import dev.deemwb.world.Questions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/**
 * The compare screen: the image (fitted, with the model input beside it), the question, both
 * answer cards side by side, and both reconstructions with a scrubber over the denoising steps.
 * Built in code; all state lives in the {@link CompareViewModel}.
 */
public final class CompareView extends BorderPane {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final CompareViewModel model;

    /**
     * @param contenders         the names either side can show
     * @param configureEndpoints opens the endpoint dialog
     */
    public CompareView(CompareViewModel model, ObservableList<String> contenders, Runnable askAction,
                       Runnable configureEndpoints) {
        this.model = model;
        getStyleClass().add("compare");
        setLeft(imagePanel());
        setCenter(new VBox(12, questionBar(askAction), messages(), SidePanels.cards(model, contenders,
                configureEndpoints), reconstructions(), disagreements(askAction)));
        BorderPane.setMargin(getCenter(), new Insets(12));
    }

    private VBox imagePanel() {
        ImageView picture = new ImageView();
        picture.setId("image");
        picture.setFitWidth(ImageSources.DISPLAY_SIZE);
        picture.setFitHeight(ImageSources.DISPLAY_SIZE);
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        ImageView modelInput = new ImageView();
        modelInput.setId("modelInput");
        Label inputCaption = new Label("what the models see");
        Label source = new Label("No image yet: open one, drop one here, pick a sample or draw a random scene.");
        source.setId("source");
        source.setWrapText(true);
        source.setMaxWidth(ImageSources.DISPLAY_SIZE);
        model.imageProperty().addListener((obs, old, loaded) -> {
            if (loaded == null) {
                return;
            }
            // Both pictures are small and prepared off this thread: converting them is all the work left here.
            picture.setImage(FxImages.toFx(loaded.display()));
            modelInput.setImage(FxImages.toFx(loaded.modelInputPicture()));
            source.setText(String.format(Locale.ROOT, "%s — %d×%d", loaded.source(), loaded.image().getWidth(),
                    loaded.image().getHeight()));
            inputCaption.setText(inputCaption(loaded.modelInputSize()));
        });
        inputCaption.getStyleClass().add("caption");
        VBox panel = new VBox(8, picture, source, new HBox(8, modelInput, inputCaption));
        panel.setPadding(new Insets(12));
        return panel;
    }

    private static String inputCaption(int size) {
        return "what the models see (" + size + "×" + size + ")";
    }

    private HBox questionBar(Runnable askAction) {
        TextField question = new TextField();
        question.setId("question");
        question.setPromptText("Ask a question, e.g. Which way does the triangle point?");
        question.textProperty().bindBidirectional(model.questionProperty());
        question.setOnAction(e -> askAction.run());
        // Enter (or a click) on a completion takes it into the field and is consumed by the popup: it asks
        // here, or the cards would go on showing the previous question's answers under the new one.
        TextFields.bindAutoCompletion(question, request -> suggestions(request.getUserText()))
                .setOnAutoCompleted(e -> askAction.run());
        HBox.setHgrow(question, Priority.ALWAYS);
        Button ask = new Button("Ask");
        ask.setId("ask");
        ask.setTooltip(new Tooltip("Ask both sides' models (Enter)"));
        ask.setDefaultButton(false);
        ask.setOnAction(e -> askAction.run());
        model.unknownWords().addListener((ListChangeListener<String>) change ->
                question.pseudoClassStateChanged(PseudoClass.getPseudoClass("unknown"),
                        !model.unknownWords().isEmpty()));
        Button askAll = new Button("Ask all");
        askAll.setId("askAll");
        askAll.setTooltip(new Tooltip("Ask every template question and list where the models disagree"));
        askAll.setOnAction(e -> model.askAll());
        return new HBox(8, question, ask, askAll);
    }

    /**
     * Where the two models disagree: each answer marked right or wrong (word and colour), a click on a
     * row asks its question in the cards above, and Ctrl+C or the context menu copies the table as CSV.
     */
    private VBox disagreements(Runnable askAction) {
        TableView<AskAll.Disagreement> table = new TableView<>(model.disagreements());
        table.setId("disagreements");
        table.setPrefHeight(160);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS); // every column in view
        table.setPlaceholder(new Label("\"Ask all\" lists here the questions the two models answer differently; "
                + "click one to ask it above."));
        table.getColumns().add(column("Question", AskAll.Disagreement::question, 320));
        table.getColumns().add(column("Truth", AskAll.Disagreement::truth, 80));
        for (Side side : Side.values()) {
            TableColumn<AskAll.Disagreement, String> answers = column("", side == Side.LEFT
                    ? AskAll.Disagreement::first : AskAll.Disagreement::second, 160);
            answers.textProperty().bind(model.card(side).titleProperty());
            answers.setCellFactory(c -> new MarkedAnswerCell());
            table.getColumns().add(answers);
        }
        table.setRowFactory(t -> {
            TableRow<AskAll.Disagreement> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getButton() == MouseButton.PRIMARY) {
                    model.questionProperty().set(row.getItem().question());
                    askAction.run();
                }
            });
            return row;
        });
        MenuItem copy = new MenuItem("Copy as CSV");
        copy.setOnAction(e -> copyAskAll());
        table.setContextMenu(new ContextMenu(copy));
        table.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copyAskAll();
                e.consume();
            }
        });
        Label summary = new Label();
        summary.setId("askAllSummary");
        summary.textProperty().bind(model.askAllSummaryProperty());
        return new VBox(4, summary, table);
    }

    private void copyAskAll() {
        model.askAllCsv().ifPresent(csv -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(csv);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    /** An answer with its verdict against the row's truth, in words and colour. */
    private static final class MarkedAnswerCell extends TableCell<AskAll.Disagreement, String> {
        @Override
        protected void updateItem(String answer, boolean empty) {
            super.updateItem(answer, empty);
            getStyleClass().removeAll("right", "wrong");
            if (empty || answer == null || getTableRow() == null || getTableRow().getItem() == null) {
                setText(null);
                return;
            }
            String verdict = AskAll.verdict(answer, getTableRow().getItem().truth());
            setText(answer + " · " + verdict);
            getStyleClass().add(verdict);
        }
    }

    private static TableColumn<AskAll.Disagreement, String> column(String title,
            Function<AskAll.Disagreement, String> value, double width) {
        TableColumn<AskAll.Disagreement, String> column =
                new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Completions: the image's suggested questions and earlier questions that contain what was typed. */
    private List<String> suggestions(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT).trim();
        if (lower.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> pool = new LinkedHashSet<>(model.history());
        LoadedImage loaded = model.imageProperty().get();
        if (loaded != null) {
            pool.addAll(loaded.suggestedQuestions());
        }
        pool.addAll(Questions.TEMPLATES);
        // A question typed in full suggests nothing: the list would otherwise stay open over the answers.
        if (pool.stream().anyMatch(q -> q.toLowerCase(Locale.ROOT).equals(lower))) {
            return List.of();
        }
        return pool.stream().filter(q -> q.toLowerCase(Locale.ROOT).contains(lower)).limit(12)
                .collect(Collectors.toList());
    }

    private VBox messages() {
        Label truth = new Label();
        truth.setId("groundTruth");
        truth.textProperty().bind(model.groundTruthProperty());
        Label notice = new Label();
        notice.setId("notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        ErrorBanner errorBanner = new ErrorBanner(model.errorProperty(), model::dismissError, "error", "dismissError");
        return new VBox(6, truth, notice, errorBanner);
    }

    /**
     * Both sides' reconstructions, then their settings. The scrubbers move together while "link steps"
     * is on, so the two models' denoising can be compared step for step.
     */
    private HBox reconstructions() {
        SidePanels.Reconstruction left = SidePanels.reconstruction(model.card(Side.LEFT));
        SidePanels.Reconstruction right = SidePanels.reconstruction(model.card(Side.RIGHT));
        CheckBox link = new CheckBox("link steps");
        link.setId("linkScrubbers");
        link.setSelected(true);
        link.setTooltip(new Tooltip("Move both reconstructions' step scrubbers together"));
        follow(left.scrubber(), right.scrubber(), link);
        follow(right.scrubber(), left.scrubber(), link);
        return new HBox(16, left.panel(), right.panel(), reconstructionSettings(link));
    }

    /** While linked, {@code follower} takes each step {@code leader} moves to (setting an equal value fires nothing back). */
    private static void follow(Slider leader, Slider follower, CheckBox link) {
        leader.valueProperty().addListener((obs, old, value) -> {
            if (link.isSelected() && value.doubleValue() <= follower.getMax()) {
                follower.setValue(value.doubleValue());
            }
        });
    }

    /** Noise fraction, DDIM steps and noise seed of the reconstructions; "Redraw" applies them. */
    private VBox reconstructionSettings(CheckBox link) {
        Spinner<Double> noise = new Spinner<>(0.05, 1.0,
                ReconstructionDefaults.NOISE, 0.05);
        noise.setId("noise");
        noise.valueProperty().addListener((obs, old, value) -> model.noiseProperty().set(value.floatValue()));
        Spinner<Integer> steps = new Spinner<>(1, 200,
                ReconstructionDefaults.STEPS, 5);
        steps.setId("steps");
        steps.valueProperty().addListener((obs, old, value) -> model.stepsProperty().set(value));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 0);
        seed.setId("noiseSeed");
        seed.valueProperty().addListener((obs, old, value) -> model.reconstructionSeedProperty().set(value.longValue()));
        for (Spinner<?> spinner : List.of(noise, steps, seed)) {
            spinner.setEditable(true);
        }
        Button redraw = new Button("Redraw");
        redraw.setId("redraw");
        redraw.setTooltip(new Tooltip("Reconstruct again with these settings (Ctrl+D)"));
        redraw.setOnAction(e -> model.reconstruct());
        Label explained = new Label("A reconstruction redraws the image from only what each model's encoder "
                + "kept. Noise fraction: how much of the image is replaced by noise first; steps: how many "
                + "denoising steps redraw it; seed: which noise.");
        explained.setId("reconstructionExplained");
        explained.getStyleClass().add("caption");
        explained.setWrapText(true);
        explained.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, new Label("noise fraction"), noise, new Label("DDIM steps"), steps,
                new Label("noise seed"), seed, redraw, link, explained);
        box.setId("reconstructionSettings");
        box.getStyleClass().add("card");
        box.setPadding(new Insets(10));
        // Its labels and values must stay whole: the row gives its leftover width to the pictures, never
        // takes it from here (at 110 % zoom the column had shrunk to "no…" and hidden the values).
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
