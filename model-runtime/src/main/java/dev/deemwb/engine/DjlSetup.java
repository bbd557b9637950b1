package dev.deemwb.engine;

import dev.deemwb.io.AppDirs;

/**
 * Puts DJL in offline mode and gives it a known cache folder before the first engine call. The
 * PyTorch natives come from the pytorch-native-cpu jar on the classpath and are extracted once into
 * {@code <cache>/pytorch}; nothing is downloaded at run time. A caller (Maven's test setup, a
 * launcher) that already chose a cache folder is respected.
 */
public final class DjlSetup {

    static final String CACHE_PROPERTY = "DJL_CACHE_DIR";

    private DjlSetup() {
    }

    public static void configure() {
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty(CACHE_PROPERTY) == null && System.getenv(CACHE_PROPERTY) == null) {
            System.setProperty(CACHE_PROPERTY, AppDirs.data().resolve("djl").toString());
        }
    }
}
