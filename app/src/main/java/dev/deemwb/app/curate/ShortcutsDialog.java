package dev.deemwb.app.curate;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Remaps the Curate screen's keys: pick an action, press the new keys. A combination another action
 * or the workbench already uses is refused, saying which; OK returns the new keymap.
 */
public final class ShortcutsDialog extends Dialog<CurationKeymap> {

    private CurationKeymap keymap;
    private CurationAction recording;

    public ShortcutsDialog(Window owner, CurationKeymap current) {
        this.keymap = current;
        initOwner(owner);
        setTitle("Curate shortcuts");
        Label problem = new Label();
        problem.setId("shortcutProblem");
        problem.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        int row = 0;
        for (CurationAction action : CurationAction.values()) {
            Button keys = new Button(current.keys(action).getDisplayText());
            keys.setId("shortcut-" + action.name());
            keys.setOnAction(e -> {
                recording = action;
                keys.setText("press the new keys…");
                problem.setText("");
            });
            keys.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
                if (recording != action || event.getCode().isModifierKey()) {
                    return;
                }
                event.consume();
                recording = null;
                if (event.getCode() != KeyCode.ESCAPE) { // Escape keeps the old keys
                    try {
                        keymap = keymap.with(action, combination(event));
                    } catch (IllegalArgumentException refused) {
                        problem.setText("Not changed: " + refused.getMessage() + ".");
                    }
                }
                keys.setText(keymap.keys(action).getDisplayText());
            });
            grid.addRow(row++, new Label(action.description()), keys);
        }
        Button reset = new Button("Defaults");
        reset.setOnAction(e -> {
            keymap = CurationKeymap.defaults();
            grid.getChildren().stream().filter(n -> n instanceof Button b && b.getId() != null
                    && b.getId().startsWith("shortcut-")).map(Button.class::cast).forEach(b -> b.setText(
                    keymap.keys(CurationAction.valueOf(b.getId().substring("shortcut-".length()))).getDisplayText()));
        });
        VBox content = new VBox(8, grid, reset, problem);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> button == ButtonType.OK ? keymap : null);
    }

    /** The pressed key with its modifiers, the platform's shortcut key written as Shortcut. */
    static KeyCombination combination(KeyEvent event) {
        return new KeyCodeCombination(event.getCode(),
                event.isShiftDown() ? KeyCombination.ModifierValue.DOWN : KeyCombination.ModifierValue.UP,
                event.isControlDown() && !event.isShortcutDown() ? KeyCombination.ModifierValue.DOWN
                        : KeyCombination.ModifierValue.UP,
                event.isAltDown() ? KeyCombination.ModifierValue.DOWN : KeyCombination.ModifierValue.UP,
                event.isMetaDown() && !event.isShortcutDown() ? KeyCombination.ModifierValue.DOWN
                        : KeyCombination.ModifierValue.UP,
                event.isShortcutDown() ? KeyCombination.ModifierValue.DOWN : KeyCombination.ModifierValue.UP);
    }

    public Optional<CurationKeymap> ask() {
        return showAndWait();
    }
}
