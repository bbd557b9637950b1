package dev.deemwb.app;

/**
 * Entry point for packaged builds: a main class that does not extend {@code Application}, so the
 * JavaFX runtime can be loaded from the classpath.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        WorkbenchApp.main(args);
    }
}
