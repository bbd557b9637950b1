package dev.deemwb.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsAndKeepsNoTemporaryFiles() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("config/settings.json"));
        Settings settings = store.load();
        assertThat(settings).isEqualTo(Settings.DEFAULTS);
        store.save(settings.withTheme(Theme.DARK).withZoom(1.5).withRecentFile("/a.png"));

        Settings loaded = store.load();
        assertThat(loaded.theme()).isEqualTo(Theme.DARK);
        assertThat(loaded.zoom()).isEqualTo(1.5);
        assertThat(loaded.recentFiles()).containsExactly("/a.png");
        assertThat(loaded.windowX()).isNaN();
        assertThat(Files.readString(dir.resolve("config/settings.json"))).contains("\"theme\" : \"dark\"");
        try (var files = Files.list(dir.resolve("config"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }

    @Test
    void aDamagedFileIsSetAsideAndDefaultsUsed() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\": \"dark\", ");
        Settings settings = new SettingsStore(file).load();

        assertThat(settings).isEqualTo(Settings.DEFAULTS);
        assertThat(dir.resolve("settings.json.broken")).hasContent("{\"theme\": \"dark\", ");
    }

    @Test
    void damagedValuesTakeTheirDefaultsTheRestIsKeptAndEveryDamagedFileIsKept() throws IOException {
        Path file = dir.resolve("settings.json");
        String damaged = "{\"theme\": null, \"zoom\": -1, \"windowWidth\": -500, \"windowHeight\": \"tall\", "
                + "\"windowX\": 10, \"recentFiles\": [\"/a.png\", null, 3], \"recentProjects\": null, "
                + "\"endpoints\": [42], \"curationKeys\": {\"NEXT\": \"F2\", \"SKIP\": 7}}";
        Files.writeString(file, damaged);

        Settings loaded = new SettingsStore(file).load();

        assertThat(loaded.theme()).isEqualTo(Settings.DEFAULTS.theme());
        assertThat(loaded.zoom()).isEqualTo(Settings.MIN_ZOOM);
        assertThat(loaded.windowWidth()).isEqualTo(Settings.DEFAULTS.windowWidth());
        assertThat(loaded.windowHeight()).isEqualTo(Settings.DEFAULTS.windowHeight());
        assertThat(loaded.windowX()).isEqualTo(10);
        assertThat(loaded.recentFiles()).containsExactly("/a.png");
        assertThat(loaded.recentProjects()).isEmpty();
        assertThat(loaded.endpoints()).isEmpty();
        assertThat(loaded.curationKeys()).containsExactly(Map.entry("NEXT", "F2"));
        assertThat(dir.resolve("settings.json.broken")).hasContent(damaged);
        assertThat(file).hasContent(damaged); // read, not replaced: the next save writes the repaired settings

        Files.writeString(file, "not json at all");
        assertThat(new SettingsStore(file).load()).isEqualTo(Settings.DEFAULTS);
        assertThat(dir.resolve("settings.json.broken")).hasContent(damaged);
        assertThat(dir.resolve("settings.json.broken-2")).hasContent("not json at all");
        assertThat(file).doesNotExist();
    }

    @Test
    void recentFilesAreUniqueNewestFirstAndBounded() {
        Settings settings = Settings.DEFAULTS;
        for (int i = 0; i < 15; i++) {
            settings = settings.withRecentFile("/" + i + ".png");
        }
        settings = settings.withRecentFile("/7.png");
        assertThat(settings.recentFiles()).hasSize(Settings.MAX_RECENT_FILES).startsWith("/7.png", "/14.png")
                .doesNotHaveDuplicates();
    }

    @Test
    void unknownFieldsFromAnotherVersionAreIgnoredAndMissingOnesKeepTheirDefaults() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\": \"dark\", \"futureOption\": 42, \"zoom\": 2.0}");
        Settings loaded = new SettingsStore(file).load();
        assertThat(loaded.theme()).isEqualTo(Theme.DARK);
        assertThat(loaded.zoom()).isEqualTo(2.0);
        assertThat(loaded.windowWidth()).isEqualTo(Settings.DEFAULTS.windowWidth());
        assertThat(loaded.recentFiles()).isEmpty();

        Files.writeString(file, "{\"theme\": \"solarized\", \"zoom\": 40}");
        assertThat(new SettingsStore(file).load()).extracting(Settings::theme, Settings::zoom)
                .containsExactly(Theme.LIGHT, Settings.MAX_ZOOM);
    }

    @Test
    void autosaveWritesABurstOfChangesOnceOffTheCallingThread() throws Exception {
        Path file = dir.resolve("settings.json");
        List<Thread> writers = new CopyOnWriteArrayList<>();
        CountDownLatch written = new CountDownLatch(1);
        SettingsStore store = new SettingsStore(file) {
            @Override
            public void save(Settings settings) throws IOException {
                writers.add(Thread.currentThread());
                super.save(settings);
                written.countDown();
            }
        };
        try (SettingsAutosave autosave = new SettingsAutosave(store, 50)) {
            Settings settings = Settings.DEFAULTS;
            for (int i = 1; i <= 5; i++) {
                settings = settings.withZoom(1 + i / 10.0);
                autosave.save(settings);
            }
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(writers).hasSize(1).doesNotContain(Thread.currentThread());
        assertThat(store.load().zoom()).isEqualTo(1.5);
    }

    @Test
    void closingWritesThePendingSaveAtOnce() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        SettingsAutosave autosave = new SettingsAutosave(store, TimeUnit.HOURS.toMillis(1));
        autosave.save(Settings.DEFAULTS.withTheme(Theme.DARK));
        autosave.close();
        assertThat(store.load().theme()).isEqualTo(Theme.DARK);
    }
}
