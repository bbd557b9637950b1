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
    static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    private DjlSetup() {
    }

    /** For interactive use: one core is left free (see {@link #configure(int)}). */
    public static void configure() {
        configure(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** For batch work that owns the machine, such as training: every core. */
    public static void configureAllCores() {
        configure(Runtime.getRuntime().availableProcessors());
    }

    /**
     * PyTorch's thread pool spins while it waits: with as many threads as cores, anything else running
     * (the JavaFX thread, another process) slowed small models 20-fold in our measurements, so only work
     * that has the machine to itself takes every core. A caller that chose a thread count is respected.
     */
    private static void configure(int threads) {
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty(THREADS_PROPERTY) == null) {
            System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        if (System.getProperty(CACHE_PROPERTY) == null && System.getenv(CACHE_PROPERTY) == null) {
            System.setProperty(CACHE_PROPERTY, AppDirs.data().resolve("djl").toString());
        }
    }
}
