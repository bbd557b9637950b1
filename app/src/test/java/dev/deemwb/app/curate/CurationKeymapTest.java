package dev.deemwb.app.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.app.KeyBinding;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

class CurationKeymapTest {

    @Test
    void theDefaultsAreDistinctAndClearOfTheWorkbenchShortcuts() {
        CurationKeymap defaults = CurationKeymap.defaults();
        Set<KeyCombination> seen = new HashSet<>();
        for (CurationAction action : CurationAction.values()) {
            KeyCombination keys = defaults.keys(action);
            assertThat(seen.add(keys)).as("%s has its own keys", action).isTrue();
            for (KeyBinding global : KeyBinding.values()) {
                assertThat(keys).as(action + " against " + global).isNotEqualTo(global.combination());
                assertThat(global.alternatives()).doesNotContain(keys);
            }
        }
    }

    @Test
    void aRemappingIsRefusedWhenTheKeysAreTakenAndKeptOtherwise() {
        CurationKeymap defaults = CurationKeymap.defaults();
        assertThatThrownBy(() -> defaults.with(CurationAction.SKIP, defaults.keys(CurationAction.ACCEPT)))
                .hasMessageContaining("already does \"Accept, then the next item\"");
        assertThatThrownBy(() -> defaults.with(CurationAction.SKIP, KeyBinding.OPEN.combination()))
                .hasMessageContaining("is the workbench's \"Open an image\"");

        KeyCombination space = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN);
        CurationKeymap remapped = defaults.with(CurationAction.SKIP, space);
        assertThat(remapped.keys(CurationAction.SKIP)).isEqualTo(space);
        assertThat(remapped.toSettings()).containsExactly(Map.entry("SKIP", space.getName()));

        CurationKeymap.Loaded loaded = CurationKeymap.fromSettings(remapped.toSettings());
        assertThat(loaded.keymap().keys(CurationAction.SKIP)).isEqualTo(space);
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void unusableRemappingsInTheSettingsFallBackToTheDefaultsAndSayWhy() {
        CurationKeymap.Loaded loaded = CurationKeymap.fromSettings(Map.of(
                "FLY", "F2", "NEXT", "not a key+", "PREVIOUS", "Shortcut+O"));
        assertThat(loaded.keymap().keys(CurationAction.NEXT)).isEqualTo(CurationAction.NEXT.defaultKeys());
        assertThat(loaded.keymap().keys(CurationAction.PREVIOUS)).isEqualTo(CurationAction.PREVIOUS.defaultKeys());
        assertThat(loaded.problems()).hasSize(3).anyMatch(p -> p.contains("FLY") && p.contains("no such action"))
                .anyMatch(p -> p.contains("'not a key+' is not a key combination"))
                .anyMatch(p -> p.contains("Open an image"));
    }
}
