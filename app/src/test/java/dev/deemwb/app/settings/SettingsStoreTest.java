package dev.deemwb.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsAndKeepsNoTemporaryFiles() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("config/settings.json"));
        Settings settings = store.load();
        assertThat(settings.theme).isEqualTo("light");
        settings.theme = "dark";
        settings.zoom = 1.5;
        settings.rememberFile("/a.png");
        store.save(settings);

        Settings loaded = store.load();
        assertThat(loaded.theme).isEqualTo("dark");
        assertThat(loaded.zoom).isEqualTo(1.5);
        assertThat(loaded.recentFiles).containsExactly("/a.png");
        try (var files = Files.list(dir.resolve("config"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }

    @Test
    void aDamagedFileIsSetAsideAndDefaultsUsed() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\": \"dark\", ");
        Settings settings = new SettingsStore(file).load();

        assertThat(settings.theme).isEqualTo("light");
        assertThat(dir.resolve("settings.json.broken")).hasContent("{\"theme\": \"dark\", ");
    }

    @Test
    void recentFilesAreUniqueNewestFirstAndBounded() {
        Settings settings = new Settings();
        for (int i = 0; i < 15; i++) {
            settings.rememberFile("/" + i + ".png");
        }
        settings.rememberFile("/7.png");
        assertThat(settings.recentFiles).hasSize(Settings.MAX_RECENT_FILES).startsWith("/7.png", "/14.png")
                .doesNotHaveDuplicates();
    }

    @Test
    void unknownFieldsFromAnotherVersionAreIgnored() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\": \"dark\", \"futureOption\": 42}");
        assertThat(new SettingsStore(file).load().theme).isEqualTo("dark");
    }
}
