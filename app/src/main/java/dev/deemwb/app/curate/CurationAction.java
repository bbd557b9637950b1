package dev.deemwb.app.curate;

import dev.deemwb.curate.Field;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * What the Curate screen does from the keyboard. Defaults are single keys that never type text
 * (Page Up / Down, function keys) or shortcut combinations, so each works while a field has the focus.
 */
public enum CurationAction {
    NEXT("Next item", new KeyCodeCombination(KeyCode.PAGE_DOWN)),
    PREVIOUS("Previous item", new KeyCodeCombination(KeyCode.PAGE_UP)),
    ACCEPT("Accept, then the next item", new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN)),
    REJECT("Reject, then the next item", new KeyCodeCombination(KeyCode.BACK_SPACE, KeyCombination.SHORTCUT_DOWN)),
    SKIP("Skip, then the next item", new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN)),
    UNDO("Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN)),
    REDO("Redo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    ASK("Ask both contenders", new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN)),
    EXPORT("Export the accepted items", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN)),
    SUGGEST("Error caption from the wrong answer", new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN)),
    FOCUS_QUESTION("Edit the question", new KeyCodeCombination(KeyCode.F2), Field.QUESTION),
    FOCUS_ANSWER("Edit the answer", new KeyCodeCombination(KeyCode.F3), Field.ANSWER),
    FOCUS_CATEGORY("Choose the category", new KeyCodeCombination(KeyCode.F4), Field.CATEGORY),
    FOCUS_GT_CAPTION("Edit the true caption", new KeyCodeCombination(KeyCode.F5), Field.GT_CAPTION),
    FOCUS_ERROR_CAPTION("Edit the error caption", new KeyCodeCombination(KeyCode.F6), Field.ERROR_CAPTION),
    FOCUS_SPLIT("Edit the split", new KeyCodeCombination(KeyCode.F7), Field.SPLIT),
    FOCUS_OPTIONS("Edit the MMVP options", new KeyCodeCombination(KeyCode.F8), Field.OPTIONS),
    FOCUS_PAIR("Edit the MMVP pair", new KeyCodeCombination(KeyCode.F9), Field.PAIR),
    FOCUS_TAGS("Edit the tags", new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            Field.TAGS),
    FOCUS_NOTES("Edit the notes", new KeyCodeCombination(KeyCode.F12), Field.NOTES);

    private final String description;
    private final KeyCombination defaultKeys;
    private final Field focuses;

    CurationAction(String description, KeyCombination defaultKeys) {
        this(description, defaultKeys, null);
    }

    CurationAction(String description, KeyCombination defaultKeys, Field focuses) {
        this.description = description;
        this.defaultKeys = defaultKeys;
        this.focuses = focuses;
    }

    public String description() {
        return description;
    }

    public KeyCombination defaultKeys() {
        return defaultKeys;
    }

    /** The field this action puts the focus in, for the focus actions. */
    public Optional<Field> focuses() {
        return Optional.ofNullable(focuses);
    }
}
