package dev.deemwb.app;

import dev.deemwb.app.compare.CompareViewModel;
import dev.deemwb.app.settings.Settings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The menu bar, one item per {@link KeyBinding} with its accelerator, and the list of shortcuts. */
final class WorkbenchMenus {

    private final Window owner;
    /** What each menu item's binding does, so its alternative keys can do the same. */
    private final Map<KeyBinding, Runnable> actions = new EnumMap<>(KeyBinding.class);

    WorkbenchMenus(Window owner) {
        this.owner = owner;
    }

    MenuBar bar(ImageOpening opening, ComparisonExport export, CompareViewModel model, Appearance appearance,
                ObjectProperty<Settings> settings) {
        Menu file = new Menu("File", null,
                item(KeyBinding.OPEN, () -> opening.choose(owner)),
                item(KeyBinding.PASTE, opening::paste),
                item(KeyBinding.RANDOM_SCENE, opening::randomScene),
                recentFiles(opening, settings),
                item(KeyBinding.EXPORT, () -> export.choose(owner)));
        MenuItem ask = item(KeyBinding.ASK, model::ask);
        // Enter in the question field asks already; as a menu accelerator it would fire twice.
        ask.setAccelerator(null);
        Menu models = new Menu("Models", null, ask,
                item(KeyBinding.RECONSTRUCT, model::reconstruct),
                item(KeyBinding.CANCEL, model::cancelRunning));
        Menu view = new Menu("View", null,
                item(KeyBinding.TOGGLE_THEME, appearance::toggleTheme),
                item(KeyBinding.ZOOM_IN, appearance::zoomIn),
                item(KeyBinding.ZOOM_OUT, appearance::zoomOut),
                item(KeyBinding.PRESENTATION, appearance::togglePresentation));
        Menu help = new Menu("Help", null, item(KeyBinding.SHORTCUTS, this::showShortcuts));
        MenuBar bar = new MenuBar(file, models, view, help);
        bar.setId("menus");
        return bar;
    }

    /** "?" lists the shortcuts too, unless it is being typed into a text field. */
    void listShortcutsOnQuestionMark(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                showShortcuts();
                e.consume();
            }
        });
    }

    private static Menu recentFiles(ImageOpening opening, ObjectProperty<Settings> settings) {
        Menu recent = new Menu("Recent files");
        recent.setOnShowing(e -> recent.getItems().setAll(settings.get().recentFiles().stream().map(path -> {
            MenuItem item = new MenuItem(path);
            item.setOnAction(a -> opening.open(Path.of(path)));
            return item;
        }).toList()));
        recent.getItems().add(new MenuItem("(none)"));
        return recent;
    }

    /** Makes every binding's alternative keys ({@link KeyBinding#alternatives()}) work in {@code scene}. */
    void acceptAlternativeKeys(Scene scene) {
        actions.forEach((binding, action) -> binding.alternatives()
                .forEach(combination -> scene.getAccelerators().put(combination, action)));
    }

    private MenuItem item(KeyBinding binding, Runnable action) {
        actions.put(binding, action);
        MenuItem item = new MenuItem(binding.description());
        item.setAccelerator(binding.combination());
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The shortcuts as a two-column table: keys and what they do, each column aligned. */
    private void showShortcuts() {
        GridPane table = new GridPane();
        table.setId("shortcutList");
        table.setHgap(24);
        table.setVgap(4);
        int row = 0;
        for (KeyBinding binding : KeyBinding.values()) {
            Label keys = new Label(binding.combination().getDisplayText());
            keys.getStyleClass().add("card-title");
            table.addRow(row++, keys, new Label(binding.description()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(table);
        alert.initOwner(owner);
        alert.show();
    }
}
