package dev.deemwb.app;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Every keyboard shortcut, in one place: menus show them, F1 lists them. */
public enum KeyBinding {
    OPEN("Open an image", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN)),
    PASTE("Paste an image", new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    RANDOM_SCENE("Draw a random scene", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN)),
    ASK("Ask both models", new KeyCodeCombination(KeyCode.ENTER)),
    RECONSTRUCT("Reconstruct again", new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN)),
    CANCEL("Cancel running work", new KeyCodeCombination(KeyCode.ESCAPE)),
    EXPORT("Export the comparison as a slide (PNG)", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN)),
    TOGGLE_THEME("Light / dark theme", new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN)),
    // "+" is Shift+= on most layouts, so the key reported is EQUALS (with or without Shift) or the keypad's ADD.
    ZOOM_IN("Larger text", new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN)),
    ZOOM_OUT("Smaller text", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN)),
    PRESENTATION("Presentation mode", new KeyCodeCombination(KeyCode.F11)),
    SHORTCUTS("List the shortcuts", new KeyCodeCombination(KeyCode.F1));

    private final String description;
    private final KeyCombination combination;
    private final List<KeyCombination> alternatives;

    KeyBinding(String description, KeyCombination combination, KeyCombination... alternatives) {
        this.description = description;
        this.combination = combination;
        this.alternatives = List.of(alternatives);
    }

    public String description() {
        return description;
    }

    /** The combination menus and the shortcut list show. */
    public KeyCombination combination() {
        return combination;
    }

    /** Other keys that do the same, as keyboards report the key the user means. */
    public List<KeyCombination> alternatives() {
        return alternatives;
    }
}
