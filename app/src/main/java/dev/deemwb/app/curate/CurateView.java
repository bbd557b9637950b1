package dev.deemwb.app.curate;

import dev.deemwb.app.compare.Side;
import dev.deemwb.app.images.FxImages;
import dev.deemwb.app.widgets.ErrorBanner;
import dev.deemwb.curate.CurationQueue;
import dev.deemwb.curate.Field;
import dev.deemwb.curate.ItemCategory;
import dev.deemwb.curate.ItemState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Curate tab: the queue's item (its image, the two contenders' answers, the fields of a
 * RobustVQA record or of a question), the decisions, and the filters. Everything has a key, shown
 * beside it, remappable ({@link ShortcutsDialog}); keys work while a field has the focus ({@link #handle}).
 */
public final class CurateView extends BorderPane {

    /** What the tab's toolbar asks the app for: file choosers and dialogs live there. */
    public interface Actions {
        void createProject();

        void openProject();

        void export();

        void editShortcuts();

        /** The recent projects, most recent first. */
        List<String> recentProjects();

        void openProject(Path file);
    }

    private final CurateViewModel model;
    private final Actions actions;
    private final ObjectProperty<CurationKeymap> keymap;
    private final Map<Field, Control> inputs = new EnumMap<>(Field.class);
    private final List<Runnable> relabel = new ArrayList<>();

    public CurateView(CurateViewModel model, ObservableList<String> contenderNames, ObjectProperty<CurationKeymap> keymap,
                      Actions actions) {
        this.model = model;
        this.actions = actions;
        this.keymap = keymap;
        setId("curateView");
        setTop(new VBox(toolbar(actions), new ErrorBanner(model.errorProperty(), () -> model.errorProperty().set(""),
                "curateError", "dismissCurateError")));
        SplitPane split = new SplitPane(imagePane(), new ScrollPane(form(contenderNames)));
        split.setDividerPositions(0.5);
        setCenter(split);
        setBottom(decisions());
        keymap.addListener((obs, old, now) -> relabel.forEach(Runnable::run));
        relabel.forEach(Runnable::run);
    }

    private ToolBar toolbar(Actions actions) {
        Button create = button("New from folder…", "curateNew", actions::createProject);
        Button open = button("Open…", "curateOpen", actions::openProject);
        MenuButton recent = new MenuButton("Recent");
        recent.setId("curateRecent");
        recent.setOnShowing(e -> recent.getItems().setAll(actions.recentProjects().stream().map(path -> {
            MenuItem item = new MenuItem(path);
            item.setOnAction(a -> actions.openProject(Path.of(path)));
            return item;
        }).toList()));
        recent.getItems().add(new MenuItem("(none yet)")); // a menu button without items never shows
        Button export = button("Export…", "curateExport", actions::export);
        shortcutLabel(export, "Export…", CurationAction.EXPORT);
        export.disableProperty().bind(model.projectFileProperty().isNull());
        Button shortcuts = button("Shortcuts…", "curateShortcuts", actions::editShortcuts);

        ChoiceBox<ItemState> state = new ChoiceBox<>(FXCollections.observableArrayList(ItemState.values()));
        state.getItems().add(0, null);
        state.setConverter(named(s -> s == null ? "every state" : s.key()));
        state.valueProperty().bindBidirectional(model.stateFilterProperty());
        state.setId("curateStateFilter");
        ChoiceBox<ItemCategory> category = new ChoiceBox<>(FXCollections.observableArrayList(ItemCategory.values()));
        category.getItems().add(0, null);
        category.setConverter(named(c -> c == null ? "every category" : c.key()));
        category.valueProperty().bindBidirectional(model.categoryFilterProperty());
        TextField tag = new TextField();
        tag.setPromptText("tag");
        tag.setPrefColumnCount(8);
        tag.textProperty().bindBidirectional(model.tagFilterProperty());
        ChoiceBox<CurationQueue.Order> order = new ChoiceBox<>(FXCollections.observableArrayList(
                CurationQueue.Order.values()));
        order.setConverter(named(o -> o == CurationQueue.Order.PROJECT ? "project order" : "failures first"));
        order.valueProperty().bindBidirectional(model.orderProperty());
        order.setId("curateOrder");
        Label project = new Label();
        project.textProperty().bind(model.projectFileProperty().asString().map(s -> s.equals("null") ? "" : s));
        return new ToolBar(create, open, recent, export, new Separator(), new Label("Show"), state, category, tag, order,
                new Separator(), shortcuts, project);
    }

    private Node imagePane() {
        ImageView view = new ImageView();
        view.setPreserveRatio(true);
        view.setFitWidth(420);
        view.setFitHeight(420);
        view.setId("curateImage");
        model.imageProperty().addListener((obs, old, loaded) -> view.setImage(loaded == null ? null
                : FxImages.toFx(loaded.display())));
        StackPane pane = new StackPane(view);
        pane.setPadding(new Insets(8));
        return pane;
    }

    private Node form(ObservableList<String> contenderNames) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        int row = 0;
        for (Side side : Side.values()) {
            ComboBox<String> picker = new ComboBox<>(contenderNames);
            picker.valueProperty().bindBidirectional(model.contender(side));
            picker.setId("curateContender-" + side.id());
            Label answer = new Label();
            answer.textProperty().bind(model.answer(side));
            answer.setId("curateAnswer-" + side.id());
            answer.setWrapText(true);
            grid.addRow(row++, picker, answer);
        }
        Button ask = button("Ask both", "curateAsk", model::ask);
        Button suggest = button("Suggest error caption", "curateSuggest", model::suggest);
        shortcutLabel(ask, "Ask both", CurationAction.ASK);
        shortcutLabel(suggest, "Suggest error caption", CurationAction.SUGGEST);
        grid.addRow(row++, ask, suggest);
        for (CurationAction action : CurationAction.values()) {
            if (action.focuses().isEmpty()) {
                continue;
            }
            Field field = action.focuses().get();
            Control input = input(field);
            inputs.put(field, input);
            Label label = new Label();
            label.setLabelFor(input);
            String name = title(field);
            relabel.add(() -> label.setText(name + " (" + keymap.get().keys(action).getDisplayText() + ")"));
            GridPane.setHgrow(input, Priority.ALWAYS);
            grid.addRow(row++, label, input);
        }
        grid.disableProperty().bind(model.currentProperty().isNull());
        return grid;
    }

    private Control input(Field field) {
        if (field == Field.CATEGORY) {
            ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(ItemCategory.keys()));
            box.getItems().add(0, "");
            box.valueProperty().bindBidirectional(model.field(field));
            box.setId("curateField-" + field.key());
            return box;
        }
        TextInputControl text = field == Field.NOTES ? new TextArea() : new TextField();
        if (text instanceof TextArea area) {
            area.setPrefRowCount(3);
            area.setWrapText(true);
        }
        text.textProperty().bindBidirectional(model.field(field));
        text.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                model.endTyping();
            }
        });
        text.setId("curateField-" + field.key());
        return text;
    }

    private Node decisions() {
        Button previous = button("", "curatePrevious", model::previous);
        Button accept = button("", "curateAccept", () -> model.decide(ItemState.ACCEPTED));
        Button reject = button("", "curateReject", () -> model.decide(ItemState.REJECTED));
        Button skip = button("", "curateSkip", () -> model.decide(ItemState.SKIPPED));
        Button next = button("", "curateNext", model::next);
        Button undo = button("", "curateUndo", model::undo);
        Button redo = button("", "curateRedo", model::redo);
        shortcutLabel(previous, "◀ Previous", CurationAction.PREVIOUS);
        shortcutLabel(accept, "Accept", CurationAction.ACCEPT);
        shortcutLabel(reject, "Reject", CurationAction.REJECT);
        shortcutLabel(skip, "Skip", CurationAction.SKIP);
        shortcutLabel(next, "Next ▶", CurationAction.NEXT);
        shortcutLabel(undo, "Undo", CurationAction.UNDO);
        shortcutLabel(redo, "Redo", CurationAction.REDO);
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setId("curateStatus");
        HBox bar = new HBox(8, previous, accept, reject, skip, next, new Separator(), undo, redo, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        for (Node node : List.of(previous, accept, reject, skip, next)) {
            node.disableProperty().bind(model.currentProperty().isNull());
        }
        return bar;
    }

    /**
     * Performs the key's action, if it has one, and consumes the key. The window calls this for every
     * key pressed while the tab is shown (a filter on the scene), so keys work wherever the focus is.
     */
    public void handle(KeyEvent event) {
        keymap.get().action(event).ifPresent(action -> {
            event.consume();
            perform(action);
        });
    }

    private void perform(CurationAction action) {
        if (action.focuses().isPresent()) {
            Control input = inputs.get(action.focuses().get());
            if (!input.isDisabled()) {
                input.requestFocus();
            }
            return;
        }
        switch (action) {
            case NEXT -> model.next();
            case PREVIOUS -> model.previous();
            case ACCEPT -> model.decide(ItemState.ACCEPTED);
            case REJECT -> model.decide(ItemState.REJECTED);
            case SKIP -> model.decide(ItemState.SKIPPED);
            case UNDO -> model.undo();
            case REDO -> model.redo();
            case ASK -> model.ask();
            case SUGGEST -> model.suggest();
            case EXPORT -> {
                if (model.projectFileProperty().get() != null) {
                    actions.export();
                }
            }
            default -> throw new IllegalStateException(action.name());
        }
    }

    private void shortcutLabel(Button button, String text, CurationAction action) {
        relabel.add(() -> button.setText(text + " (" + keymap.get().keys(action).getDisplayText() + ")"));
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false); // the keys do it; Tab moves between the fields
        return button;
    }

    private static String title(Field field) {
        return switch (field) {
            case GT_CAPTION -> "True caption";
            case ERROR_CAPTION -> "Error caption";
            case OPTIONS -> "MMVP options";
            case PAIR -> "MMVP pair";
            default -> {
                String key = field.key();
                yield Character.toUpperCase(key.charAt(0)) + key.substring(1);
            }
        };
    }

    private static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
