package dev.deemwb.app.curate;

import dev.deemwb.app.KeyBinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The Curate screen's shortcuts: the defaults, with the user's remappings from the settings. A key
 * that another curation action or a workbench shortcut already has is refused, naming who has it.
 */
public final class CurationKeymap {

    private final Map<CurationAction, KeyCombination> keys;

    private CurationKeymap(Map<CurationAction, KeyCombination> keys) {
        this.keys = Collections.unmodifiableMap(new EnumMap<>(keys));
    }

    public static CurationKeymap defaults() {
        Map<CurationAction, KeyCombination> keys = new EnumMap<>(CurationAction.class);
        for (CurationAction action : CurationAction.values()) {
            keys.put(action, action.defaultKeys());
        }
        return new CurationKeymap(keys);
    }

    /** The result of reading remappings: the keymap, and each remapping that could not be used, with why. */
    public record Loaded(CurationKeymap keymap, List<String> problems) {
    }

    /**
     * Applies the settings' remappings (action name → combination, as {@link KeyCombination#getName}
     * spells it) to the defaults; a remapping with an unknown action, an unreadable key or a conflict
     * is left out and reported.
     */
    public static Loaded fromSettings(Map<String, String> remapped) {
        CurationKeymap keymap = defaults();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : remapped.entrySet()) {
            try {
                keymap = keymap.with(action(entry.getKey()), parse(entry.getValue()));
            } catch (IllegalArgumentException e) {
                problems.add("the Curate shortcut for " + entry.getKey() + " is not used: " + e.getMessage());
            }
        }
        return new Loaded(keymap, problems);
    }

    private static CurationAction action(String name) {
        try {
            return CurationAction.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("there is no such action");
        }
    }

    /** Parses a combination as the settings and the shortcut dialog spell it ({@code Shortcut+Enter}, {@code F2}). */
    public static KeyCombination parse(String keys) {
        try {
            return KeyCombination.valueOf(keys);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + keys + "' is not a key combination (e.g. F2, Shortcut+Enter)");
        }
    }

    public KeyCombination keys(CurationAction action) {
        return keys.get(action);
    }

    /**
     * This keymap with {@code action} on {@code combination}.
     *
     * @throws IllegalArgumentException when another action, or a workbench shortcut, has that combination
     */
    public CurationKeymap with(CurationAction action, KeyCombination combination) {
        for (Map.Entry<CurationAction, KeyCombination> other : keys.entrySet()) {
            if (other.getKey() != action && other.getValue().equals(combination)) {
                throw new IllegalArgumentException(combination.getDisplayText() + " already does \""
                        + other.getKey().description() + "\"");
            }
        }
        for (KeyBinding global : KeyBinding.values()) {
            if (global.combination().equals(combination) || global.alternatives().contains(combination)) {
                throw new IllegalArgumentException(combination.getDisplayText() + " is the workbench's \""
                        + global.description() + "\"");
            }
        }
        Map<CurationAction, KeyCombination> changed = new EnumMap<>(keys);
        changed.put(action, combination);
        return new CurationKeymap(changed);
    }

    /** The action a key press asks for, if any. */
    public Optional<CurationAction> action(KeyEvent event) {
        return keys.entrySet().stream().filter(e -> e.getValue().match(event)).map(Map.Entry::getKey).findFirst();
    }

    /** The remappings to save: only the actions whose keys differ from their defaults. */
    public Map<String, String> toSettings() {
        Map<String, String> remapped = new TreeMap<>();
        keys.forEach((action, combination) -> {
            if (!combination.equals(action.defaultKeys())) {
                remapped.put(action.name(), combination.getName());
            }
        });
        return remapped;
    }
}
