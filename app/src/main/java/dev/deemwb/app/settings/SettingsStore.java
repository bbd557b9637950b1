package dev.deemwb.app.settings;

import com.fasterxml.jackson.core.JacksonException;
import dev.deemwb.io.AppDirs;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves {@link Settings} as JSON in the user's config folder. Saving is atomic (temporary
 * file, then a move), so a crash mid-save leaves the previous settings intact. A damaged file is set
 * aside as {@code settings.json.broken} and the defaults are used, rather than failing to start.
 */
public class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The file named by the system property {@code deemwb.settings}, else the user's config folder's. */
    public static SettingsStore forUser() {
        String chosen = System.getProperty("deemwb.settings");
        return new SettingsStore(chosen != null ? Path.of(chosen) : AppDirs.config().resolve("settings.json"));
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.DEFAULTS;
        }
        try {
            return Json.mapper().readValue(file.toFile(), Settings.class);
        } catch (JacksonException e) {
            LOG.warn("settings file {} is damaged; using defaults", file, e);
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".broken"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("could not set the damaged settings aside", moveFailed);
            }
            return Settings.DEFAULTS;
        } catch (IOException e) {
            LOG.warn("settings file {} is unreadable; using defaults", file, e);
            return Settings.DEFAULTS;
        }
    }

    /** Writes atomically: {@link Json#write} goes through a temporary file and a move. */
    public void save(Settings settings) throws IOException {
        Json.write(file, settings);
    }
}
