package dev.deemwb.app.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.io.AppDirs;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves {@link Settings} as JSON in the user's config folder. Saving is atomic (temporary
 * file, then a move), so a crash mid-save leaves the previous settings intact. A damaged file, or
 * damaged values, are kept aside ({@link #load}) and the defaults used, rather than failing to start.
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

    /**
     * The settings in the file, or the defaults. A file that is not JSON is moved aside; one with
     * damaged values is read with those values at their defaults and copied aside as it was. Every
     * damaged file is kept: {@code settings.json.broken}, then {@code .broken-2}, {@code .broken-3}, …
     */
    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.DEFAULTS;
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (JacksonException e) {
            LOG.warn("settings file {} is damaged; using defaults", file, e);
            setAside(true);
            return Settings.DEFAULTS;
        } catch (IOException e) {
            LOG.warn("settings file {} is unreadable; using defaults", file, e);
            return Settings.DEFAULTS;
        }
        if (root == null || !root.isObject()) {
            LOG.warn("settings file {} is not a JSON object; using defaults", file);
            setAside(true);
            return Settings.DEFAULTS;
        }
        Settings.Loaded loaded = Settings.read(root);
        if (!loaded.damaged().isEmpty()) {
            LOG.warn("settings file {} has damaged values, replaced by their defaults: {}", file, loaded.damaged());
            setAside(false);
        }
        return loaded.settings();
    }

    /** Moves (or copies) the file to the first free {@code .broken} name beside it. */
    private void setAside(boolean move) {
        try {
            Path target = file.resolveSibling(file.getFileName() + ".broken");
            for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
                target = file.resolveSibling(file.getFileName() + ".broken-" + n);
            }
            if (move) {
                Files.move(file, target);
            } else {
                Files.copy(file, target);
            }
        } catch (IOException e) {
            LOG.warn("could not set the damaged settings aside", e);
        }
    }

    /** Writes atomically: {@link Json#write} goes through a temporary file and a move. */
    public void save(Settings settings) throws IOException {
        Json.write(file, settings);
    }
}
