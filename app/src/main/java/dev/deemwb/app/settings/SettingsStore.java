package dev.deemwb.app.settings;

import com.fasterxml.jackson.core.JacksonException;
import dev.deemwb.io.AppDirs;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads and saves {@link Settings} as JSON in the user's config folder. Saving is atomic (temporary
 * file, then a move), so a crash mid-save leaves the previous settings intact. A damaged file is set
 * aside as {@code settings.json.broken} and the defaults are used, rather than failing to start.
 */
public final class SettingsStore {

    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static SettingsStore inUserConfig() {
        return new SettingsStore(AppDirs.config().resolve("settings.json"));
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return new Settings();
        }
        try {
            return Json.mapper().readValue(file.toFile(), Settings.class);
        } catch (JacksonException e) {
            LOG.log(Level.WARNING, "settings file " + file + " is damaged; using defaults", e);
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".broken"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.log(Level.WARNING, "could not set the damaged settings aside", moveFailed);
            }
            return new Settings();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "settings file " + file + " is unreadable; using defaults", e);
            return new Settings();
        }
    }

    public void save(Settings settings) throws IOException {
        Json.write(file, settings);
    }
}
