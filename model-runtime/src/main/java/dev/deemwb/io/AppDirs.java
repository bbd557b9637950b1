package dev.deemwb.io;

import java.nio.file.Path;

/**
 * Where the workbench keeps its files, following the XDG base directories: settings in the config
 * folder, extracted native libraries and runs in the data folder, what can be recomputed in the cache
 * folder. Never a surprise location.
 */
public final class AppDirs {

    private static final String APP = "deem-workbench";

    private AppDirs() {
    }

    public static Path config() {
        return base("XDG_CONFIG_HOME", ".config").resolve(APP);
    }

    /** What can be recomputed: the per-CPU verdict of the numerics check. */
    public static Path cache() {
        return base("XDG_CACHE_HOME", ".cache").resolve(APP);
    }

    public static Path data() {
        return base("XDG_DATA_HOME", ".local/share").resolve(APP);
    }

    private static Path base(String variable, String fallbackUnderHome) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            return Path.of(value);
        }
        return Path.of(System.getProperty("user.home")).resolve(fallbackUnderHome);
    }
}
