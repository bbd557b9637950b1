package dev.deemwb.app;

import dev.deemwb.cli.SelfTest;
import dev.deemwb.io.AppDirs;
import java.util.List;

/**
 * Entry point for packaged builds: a main class that does not extend {@code Application}, so the
 * JavaFX runtime can be loaded from the classpath. {@code --self-test} checks the installation
 * without a window (see {@link SelfTest}).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--self-test")) {
            SelfTest.main(args);
            return;
        }
        // JavaFX extracts its natives once; in the user's cache folder rather than ~/.openjfx.
        if (System.getProperty("javafx.cachedir") == null) {
            System.setProperty("javafx.cachedir", AppDirs.cache().resolve("openjfx").toString());
        }
        WorkbenchApp.main(args);
    }
}
